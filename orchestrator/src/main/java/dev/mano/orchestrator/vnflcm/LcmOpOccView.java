package dev.mano.orchestrator.vnflcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** SOL003 VnfLcmOpOcc, plus {@code progress} (percent and the current step) for people watching. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LcmOpOccView(UUID id, String operationState, OffsetDateTime stateEnteredTime, OffsetDateTime startTime,
                    UUID vnfInstanceId, String operation, boolean isAutomaticInvocation, Map<String, Object> operationParams,
                    boolean isCancelPending, Map<String, Object> error, Progress progress,
                    @JsonProperty("_links") Map<String, VnfInstanceView.Link> links) {

    record Progress(int percent, String detail) {}

    static LcmOpOccView of(LcmOpOcc op) {
        String base = "/vnflcm/v1/vnf_lcm_op_occs/" + op.id();
        Map<String, VnfInstanceView.Link> links = new LinkedHashMap<>();
        links.put("self", new VnfInstanceView.Link(base));
        links.put("vnfInstance", new VnfInstanceView.Link("/vnflcm/v1/vnf_instances/" + op.vnfInstanceId()));
        if (op.state() == OperationState.FAILED_TEMP) {
            for (String action : new String[] {"retry", "rollback", "fail"}) {
                links.put(action, new VnfInstanceView.Link(base + "/" + action));
            }
        }
        return new LcmOpOccView(op.id(), op.state().name(), op.stateEnteredTime(), op.startTime(), op.vnfInstanceId(),
                op.operation().name(), op.automatic(), op.params(), false, op.error(),
                new Progress(op.progress(), op.progressDetail()), links);
    }
}
