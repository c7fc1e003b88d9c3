package dev.mano.orchestrator.vnflcm;

import java.util.Map;
import java.util.UUID;

/** What a step of an operation sees: which operation, on which VNF, with which parameters. */
final class OpContext {
    private final LcmOpOcc op;
    private final LcmOpOccStore ops;
    private volatile String step = "starting";

    OpContext(LcmOpOcc op, LcmOpOccStore ops) {
        this.op = op;
        this.ops = ops;
    }

    UUID opId() { return op.id(); }
    UUID vnfInstanceId() { return op.vnfInstanceId(); }
    Map<String, Object> params() { return op.params(); }

    /** Records progress; also proves to other replicas that this operation is alive. */
    void progress(int percent, String detail) {
        step = detail;
        ops.progress(op.id(), percent, detail);
    }

    String step() { return step; }

    String param(String name, String fallback) {
        Object v = op.params().get(name);
        return v == null ? fallback : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> mapParam(String name) {
        Object v = op.params().get(name);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
