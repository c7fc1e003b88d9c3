package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.nsd.NsdCatalog;
import dev.mano.orchestrator.vnflcm.LcmRequests;
import dev.mano.orchestrator.vnflcm.VnfLifecycle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** NS lifecycle (SOL005) as the API calls it: checks, then an op occurrence for the runner. */
@Service
public class NsLifecycle {
    private final NsInstanceStore instances;
    private final NsLcmOpOccStore ops;
    private final NsdCatalog nsds;
    private final NsOperationRunner runner;
    private final VnfLifecycle vnfs;

    NsLifecycle(NsInstanceStore instances, NsLcmOpOccStore ops, NsdCatalog nsds, NsOperationRunner runner, VnfLifecycle vnfs) {
        this.instances = instances;
        this.ops = ops;
        this.nsds = nsds;
        this.runner = runner;
        this.vnfs = vnfs;
    }

    public record Created(NsInstance instance, boolean replayed) {}

    /** Creates an NS instance; the same {@code clientRequestId} always yields the same instance. */
    public Created create(String nsdId, String name, String description, String clientRequestId) {
        if (clientRequestId != null) {
            var earlier = instances.findByClientRequestId(clientRequestId);
            if (earlier.isPresent()) return new Created(earlier.get(), true);
        }
        var nsd = nsds.deployable(nsdId).orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-nsd",
                "Unknown NS descriptor", "no onboarded, enabled NS descriptor has nsdId " + nsdId).with("field", "nsdId"));
        UUID id = UUID.randomUUID();
        NsInstance ns = new NsInstance(id, name == null || name.isBlank() ? "ns-" + id.toString().substring(0, 8) : name,
                description, nsd.descriptor().id(), nsdId, false, null);
        try {
            instances.insert(ns, clientRequestId);
        } catch (DuplicateKeyException raced) {
            return new Created(instances.findByClientRequestId(clientRequestId).orElseThrow(), true);
        }
        return new Created(get(id), false);
    }

    public NsInstance get(UUID id) {
        return instances.find(id).orElseThrow(() -> ApiProblem.notFound("NS instance", id));
    }

    public void delete(UUID id) {
        NsInstance ns = get(id);
        if (ns.instantiated() || !instances.members(id).isEmpty()) {
            throw ApiProblem.conflict("instance-state-conflict", "NS instance " + id + " is INSTANTIATED; terminate it first")
                    .with("nsState", "INSTANTIATED");
        }
        if (ops.list(id).stream().anyMatch(op -> dev.mano.orchestrator.vnflcm.OperationState.OPEN.contains(op.state()))) {
            throw ApiProblem.conflict("operation-in-progress", "NS instance " + id + " has an unfinished operation");
        }
        instances.delete(id);
    }

    public NsLcmOpOcc instantiate(UUID id, Map<String, Object> request) {
        NsInstance ns = get(id);
        requireState(ns, false);
        Map<String, Object> params = new LinkedHashMap<>(request == null ? Map.of() : request);
        Object additional = params.get("additionalParamsForNs");
        Object strategy = additional instanceof Map<?, ?> m ? m.get("strategy") : null;
        String s = strategy == null ? "PACK" : String.valueOf(strategy).toUpperCase();
        if (!List.of("PACK", "SPREAD").contains(s)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-strategy", "Invalid request",
                    "strategy is PACK or SPREAD, not " + strategy).with("field", "additionalParamsForNs.strategy");
        }
        params.put("strategy", s);
        if (params.get("additionalParamsForVnf") instanceof List<?> perVnf) {
            for (int i = 0; i < perVnf.size(); i++) {
                if (perVnf.get(i) instanceof Map<?, ?> entry && entry.get("additionalParams") instanceof Map<?, ?> vnfParams) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> checked = (Map<String, Object>) vnfParams;
                    VnfLifecycle.requireValidAdditionalParams(checked, "additionalParamsForVnf[" + i + "].");
                }
            }
        }
        return open(id, NsOperation.INSTANTIATE, params);
    }

    public NsLcmOpOcc terminate(UUID id) {
        requireState(get(id), true);
        return open(id, NsOperation.TERMINATE, Map.of());
    }

    public NsLcmOpOcc scale(UUID id, Map<String, Object> request) {
        requireState(get(id), true);
        Object data = request == null ? null : request.get("scaleVnfData");
        if (!(data instanceof List<?> list) || list.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-scale", "Invalid request",
                    "scaleVnfData lists the member VNFs to scale").with("field", "scaleVnfData");
        }
        requireMembers(id, list, "scaleVnfData");
        for (int i = 0; i < list.size(); i++) {
            requireScalable((Map<?, ?>) list.get(i), "scaleVnfData[" + i + "].");
        }
        return open(id, NsOperation.SCALE, Map.of("scaleVnfData", list));
    }

    public NsLcmOpOcc heal(UUID id, Map<String, Object> request) {
        requireState(get(id), true);
        Object data = request == null ? null : request.get("healVnfData");
        List<?> list = data instanceof List<?> l && !l.isEmpty() ? l
                : instances.members(id).stream().map(m -> Map.of("vnfInstanceId", m.vnfInstanceId().toString(), "cause", "NS heal")).toList();
        requireMembers(id, list, "healVnfData");
        return open(id, NsOperation.HEAL, Map.of("healVnfData", list));
    }

    public void retry(UUID opId) { runner.retry(opId); }
    public void rollback(UUID opId) { runner.rollback(opId); }
    public void fail(UUID opId) { runner.fail(opId); }

    /** One ScaleVnfData entry the member can make, or 422 naming its field; nothing is opened otherwise. */
    private void requireScalable(Map<?, ?> entry, String field) {
        Object type = entry.get("scaleVnfType");
        if (!"SCALE_OUT".equals(type) && !"SCALE_IN".equals(type)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-scale", "Invalid request",
                    "scaleVnfType is SCALE_OUT or SCALE_IN, not " + type).with("field", field + "scaleVnfType");
        }
        Map<?, ?> step = entry.get("scaleByStepData") instanceof Map<?, ?> m ? m : Map.of();
        Object aspect = step.get("aspectId");
        Object steps = step.get("numberOfSteps") == null ? 1 : step.get("numberOfSteps");
        if (aspect == null || String.valueOf(aspect).isBlank()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-scale", "Invalid request",
                    "scaleByStepData.aspectId names the scaling aspect").with("field", field + "scaleByStepData.aspectId");
        }
        if (!(steps instanceof Integer n) || n < 1) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-scale", "Invalid request",
                    "scaleByStepData.numberOfSteps is a whole number of at least 1, not " + steps)
                    .with("field", field + "scaleByStepData.numberOfSteps");
        }
        vnfs.checkScale(UUID.fromString(String.valueOf(entry.get("vnfInstanceId"))),
                new LcmRequests.ScaleVnfRequest(String.valueOf(type), String.valueOf(aspect), n), field + "scaleByStepData.");
    }

    private void requireMembers(UUID nsId, List<?> entries, String field) {
        var members = instances.members(nsId).stream().map(m -> m.vnfInstanceId().toString()).toList();
        for (Object e : entries) {
            Object vnf = e instanceof Map<?, ?> m ? m.get("vnfInstanceId") : null;
            if (vnf == null || !members.contains(String.valueOf(vnf))) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-member", "Invalid request",
                        "VNF instance " + vnf + " is not a member of NS " + nsId).with("field", field + ".vnfInstanceId");
            }
        }
    }

    private NsLcmOpOcc open(UUID id, NsOperation operation, Map<String, Object> params) {
        NsLcmOpOcc op = ops.open(id, operation, params);
        runner.start(op);
        return op;
    }

    private static void requireState(NsInstance ns, boolean instantiated) {
        if (ns.instantiated() != instantiated) {
            String state = ns.instantiated() ? "INSTANTIATED" : "NOT_INSTANTIATED";
            throw ApiProblem.conflict("instance-state-conflict", "NS instance " + ns.id() + " is " + state).with("nsState", state);
        }
    }
}
