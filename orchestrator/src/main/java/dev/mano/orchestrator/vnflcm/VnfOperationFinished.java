package dev.mano.orchestrator.vnflcm;

/**
 * Published when a VNF operation comes to rest (COMPLETED, or FAILED_TEMP), so monitoring can
 * follow the VNF's new shape or stop waiting for a change that did not happen.
 */
public record VnfOperationFinished(LcmOpOcc operation, boolean completed) {}
