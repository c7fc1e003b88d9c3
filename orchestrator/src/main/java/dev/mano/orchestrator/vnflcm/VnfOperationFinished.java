package dev.mano.orchestrator.vnflcm;

/** Published when a VNF operation reaches COMPLETED, so monitoring can follow the VNF's new shape. */
public record VnfOperationFinished(LcmOpOcc operation) {}
