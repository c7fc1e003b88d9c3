package dev.mano.orchestrator.vnflcm;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A row of vnf_lcm_op_occ: one lifecycle operation and where it stands. */
public record LcmOpOcc(UUID id, UUID vnfInstanceId, LcmOperation operation, OperationState state,
                       OffsetDateTime stateEnteredTime, OffsetDateTime startTime, boolean automatic,
                       Map<String, Object> params, int progress, String progressDetail, Map<String, Object> error) {}
