package dev.mano.orchestrator.vnflcm;

import java.util.UUID;

/** A row of vnfc: one VM of a VNF instance. */
public record Vnfc(UUID id, UUID vnfInstanceId, String vduId, UUID placementId, UUID hostId, String domainName,
                   String state, UUID createdByOp) {}
