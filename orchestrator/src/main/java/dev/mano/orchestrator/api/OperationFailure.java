package dev.mano.orchestrator.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a lifecycle operation (VNF or NS) stopped, as the problem details stored in its op
 * occurrence's {@code error} (SOL003/SOL005 ProblemDetails): a stable type, a title and what happened.
 */
public class OperationFailure extends RuntimeException {
    private final Map<String, Object> problem = new LinkedHashMap<>();

    public OperationFailure(int status, String type, String title, String detail) {
        super(detail);
        problem.put("type", "urn:mano:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
    }

    public OperationFailure with(String name, Object value) {
        problem.put(name, value);
        return this;
    }

    public Map<String, Object> problem() {
        return problem;
    }

    /** Any other exception: the step that broke and the message, never a stack trace. */
    public static Map<String, Object> of(Throwable e, String step) {
        if (e instanceof OperationFailure f) {
            return f.problem();
        }
        return new OperationFailure(500, "operation-step-failed", "Operation step failed",
                step + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())).problem();
    }
}
