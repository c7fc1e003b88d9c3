package dev.mano.orchestrator.vnflcm;

import java.util.Optional;

import dev.mano.orchestrator.api.OperationFailure;
import java.time.Duration;

/** TERMINATE: stop (gracefully when asked) and remove every VNFC, release everything. */
final class TerminateWork implements LcmWork {
    private final LcmWorks deps;

    TerminateWork(LcmWorks deps) {
        this.deps = deps;
    }

    @Override
    public void run(OpContext ctx) throws Exception {
        VnfInstance instance = deps.instance(ctx.vnfInstanceId());
        Duration graceful = "GRACEFUL".equals(ctx.param("terminationType", "FORCEFUL"))
                ? Duration.ofSeconds(Long.parseLong(ctx.param("gracefulTerminationTimeout",
                        String.valueOf(deps.props().gracefulShutdown().toSeconds()))))
                : Duration.ZERO;
        deps.deployer().remove(ctx, deps.instances().vnfcs(instance.id()), graceful, 5, 95);
        deps.instances().markNotInstantiated(instance.id());
    }

    /** Terminating is idempotent (every step skips what is gone), so a retry just runs it again. */
    @Override
    public void retry(OpContext ctx) throws Exception {
        run(ctx);
    }

    @Override
    public void rollback(OpContext ctx) {
        throw new OperationFailure(409, "rollback-not-supported", "Terminate cannot be rolled back", REFUSAL);
    }

    @Override
    public Optional<String> rollbackRefusal(LcmOpOcc op) {
        return Optional.of(REFUSAL);
    }

    private static final String REFUSAL = "a partly terminated VNF cannot be brought back; retry the termination";
}
