package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.vnflcm.OperationState;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A row of ns_lcm_op_occ. */
public record NsLcmOpOcc(UUID id, UUID nsInstanceId, NsOperation operation, OperationState state,
                         OffsetDateTime stateEnteredTime, OffsetDateTime startTime, Map<String, Object> params,
                         String progressDetail, Map<String, Object> error) {}
