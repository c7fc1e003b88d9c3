package dev.mano.orchestrator.nslcm;

import java.util.LinkedHashMap;
import java.util.Map;

/** Why an NS operation stopped: the problem details stored in the op occurrence's {@code error}. */
class NsFailure extends RuntimeException {
    private final Map<String, Object> problem = new LinkedHashMap<>();

    NsFailure(int status, String type, String title, String detail) {
        super(detail);
        problem.put("type", "urn:mano:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
    }

    NsFailure with(String name, Object value) {
        problem.put(name, value);
        return this;
    }

    Map<String, Object> problem() {
        return problem;
    }

    static Map<String, Object> of(Throwable e, String step) {
        if (e instanceof NsFailure f) return f.problem();
        return new NsFailure(500, "ns-step-failed", "NS operation step failed",
                step + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())).problem();
    }
}
