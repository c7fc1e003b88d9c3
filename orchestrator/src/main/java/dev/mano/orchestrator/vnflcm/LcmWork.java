package dev.mano.orchestrator.vnflcm;

import java.util.Optional;

/**
 * What one kind of operation does, forwards and backwards. {@link #run} may stop anywhere (an
 * error, a crash); {@link #rollback} must then undo exactly what this operation did, and
 * {@link #retry} must finish it from wherever it stopped.
 */
sealed interface LcmWork permits InstantiateWork, TerminateWork, ScaleWork, HealWork, OperateWork {
    void run(OpContext ctx) throws Exception;

    /** Default: cleanly undo the partial attempt, then run again. */
    default void retry(OpContext ctx) throws Exception {
        rollback(ctx);
        run(ctx);
    }

    void rollback(OpContext ctx) throws Exception;

    /**
     * Why this operation cannot be rolled back, asked before its state changes: a refusal then leaves the
     * operation FAILED_TEMP with its own error, instead of replacing that error with the refusal.
     */
    default Optional<String> rollbackRefusal(LcmOpOcc op) {
        return Optional.empty();
    }
}
