package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.vnflcm.LcmOpOcc;
import dev.mano.orchestrator.vnflcm.LcmOpOccStore;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Waits for a VNF operation to come to rest without polling: the VNF operation store signals when
 * this replica writes a resting state, and the row is read again then. The row stays the truth:
 * it is also read every {@link #RECHECK}, for operations another replica runs (after a fail-over)
 * and for any signal that was missed, so a wait never depends on the signal alone.
 */
@Component
class VnfOperationWaiter {
    static final Duration RECHECK = Duration.ofSeconds(1);
    private final LcmOpOccStore ops;

    VnfOperationWaiter(LcmOpOccStore ops) {
        this.ops = ops;
    }

    /** The operation once it is no longer running; 504 problem when it still runs after {@code limit}. */
    LcmOpOcc await(UUID vnfOpId, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            CompletableFuture<Void> signal = ops.whenResting(vnfOpId); // before the read: no change slips between
            try {
                LcmOpOcc current = ops.find(vnfOpId).orElseThrow();
                if (!current.state().running()) return current;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new OperationFailure(504, "vnf-operation-timeout", "A VNF operation took too long",
                            "VNF operation " + vnfOpId + " still " + current.state() + " after " + limit.toMinutes() + " min");
                }
                signal.get(Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // read the row again
            } finally {
                ops.stopWaiting(vnfOpId, signal);
            }
        }
    }
}
