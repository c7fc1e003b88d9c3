package dev.mano.orchestrator.vnflcm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why an operation step failed, as the problem details stored in the op occurrence's
 * {@code error} (SOL003 ProblemDetails): a stable type, a title and what happened.
 */
class LcmFailure extends RuntimeException {
    private final Map<String, Object> problem = new LinkedHashMap<>();

    LcmFailure(int status, String type, String title, String detail) {
        super(detail);
        problem.put("type", "urn:mano:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
    }

    LcmFailure with(String name, Object value) {
        problem.put(name, value);
        return this;
    }

    Map<String, Object> problem() {
        return problem;
    }

    /** Any other exception: the step that broke and the message, never a stack trace. */
    static Map<String, Object> of(Throwable e, String step) {
        if (e instanceof LcmFailure f) {
            return f.problem();
        }
        return new LcmFailure(500, "lcm-step-failed", "Operation step failed",
                step + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())).problem();
    }
}
