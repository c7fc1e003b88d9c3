package dev.mano.orchestrator.catalog;

import java.util.Map;

/** SOL005 CreateVnfPkgInfoRequest. */
public record CreateVnfPkgInfoRequest(Map<String, Object> userDefinedData) {}
