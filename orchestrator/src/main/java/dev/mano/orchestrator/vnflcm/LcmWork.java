package dev.mano.orchestrator.vnflcm;

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
}
