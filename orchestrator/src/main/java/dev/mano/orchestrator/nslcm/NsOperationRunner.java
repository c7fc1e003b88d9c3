package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.vnflcm.OperationHeartbeats;
import dev.mano.orchestrator.vnflcm.OperationState;
import dev.mano.orchestrator.vnflcm.VnfLcmProperties;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs NS operations off the request thread with the same state machine, heartbeat and
 * orphan sweep as VNF operations, and tells subscribers and the UI about every state change.
 */
@Component
class NsOperationRunner {
    private static final Logger log = LoggerFactory.getLogger(NsOperationRunner.class);
    private final NsLcmOpOccStore ops;
    private final NsWork work;
    private final Notifier notifier;
    private final VnfLcmProperties props;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final OperationHeartbeats heartbeats;

    NsOperationRunner(NsLcmOpOccStore ops, NsWork work, Notifier notifier, VnfLcmProperties props,
                      OperationHeartbeats heartbeats) {
        this.heartbeats = heartbeats;
        this.ops = ops;
        this.work = work;
        this.notifier = notifier;
        this.props = props;
    }

    /** The START notification comes from {@link #drive} once the operation is PROCESSING (SOL005), not twice. */
    void start(NsLcmOpOcc op) {
        executor.submit(() -> drive(op.id(), OperationState.STARTING, false));
    }

    void retry(UUID id) {
        expect(id, "retry");
        if (!ops.transition(id, OperationState.FAILED_TEMP, OperationState.PROCESSING)) throw raced(id);
        ops.clearError(id);
        executor.submit(() -> drive(id, OperationState.PROCESSING, true));
    }

    void rollback(UUID id) {
        NsLcmOpOcc op = expect(id, "roll back");
        NsWork.rollbackRefusal(op).ifPresent(why -> {
            throw ApiProblem.conflict("rollback-not-supported", op.operation() + " cannot be rolled back: " + why)
                    .with("operation", op.operation().name());
        });
        if (!ops.transition(id, OperationState.FAILED_TEMP, OperationState.ROLLING_BACK)) throw raced(id);
        ops.clearError(id);
        notify(id, "START");
        executor.submit(() -> undo(id));
    }

    void fail(UUID id) {
        NsLcmOpOcc op = expect(id, "fail");
        if (!ops.transition(id, OperationState.FAILED_TEMP, OperationState.FAILED)) throw raced(id);
        work.abandon(op);
        notify(id, "RESULT");
    }

    private void drive(UUID id, OperationState from, boolean retrying) {
        NsLcmOpOcc op;
        if (from == OperationState.STARTING) {
            Optional<NsLcmOpOcc> moved = ops.transitionAndGet(id, from, OperationState.PROCESSING);
            if (moved.isEmpty()) return;
            op = moved.get();
        } else {
            op = ops.find(id).orElseThrow();
        }
        notifier.operationChanged(op, "START");
        ScheduledFuture<?> beat = heartbeats.start(id, () -> ops.heartbeat(id));
        Optional<NsLcmOpOcc> completed = Optional.empty();
        try {
            work.run(op, retrying);
            completed = ops.complete(id);
            log.info("NS {} {} completed", op.operation(), id);
        } catch (Exception | LinkageError e) {
            String step = ops.find(id).map(NsLcmOpOcc::progressDetail).orElse("?");
            log.warn("NS {} {} failed at '{}': {}", op.operation(), id, step, e.toString());
            ops.fail(id, OperationState.PROCESSING, OperationFailure.of(e, step));
        } finally {
            beat.cancel(false);
            // the row the completion returned is the row a read would give: no second round trip
            completed.ifPresentOrElse(done -> notifier.operationChanged(done, "RESULT"), () -> notify(id, "RESULT"));
        }
    }

    private void undo(UUID id) {
        NsLcmOpOcc op = ops.find(id).orElseThrow();
        ScheduledFuture<?> beat = heartbeats.start(id, () -> ops.heartbeat(id));
        try {
            work.rollback(op);
            ops.progress(id, "rolled back");
            ops.transition(id, OperationState.ROLLING_BACK, OperationState.ROLLED_BACK);
        } catch (Exception | LinkageError e) {
            String step = ops.find(id).map(NsLcmOpOcc::progressDetail).orElse("?");
            ops.fail(id, OperationState.ROLLING_BACK, OperationFailure.of(e, "rollback: " + step));
        } finally {
            beat.cancel(false);
            notify(id, "RESULT");
        }
    }

    /** Crash safety, as for VNF operations: an operation whose replica died becomes FAILED_TEMP. */
    @Scheduled(initialDelay = 1000, fixedDelayString = "${mano.vnflcm.sweep-every:5s}")
    void sweep() {
        for (UUID id : ops.orphaned(props.staleAfter())) {
            ops.find(id).filter(op -> op.state().running()).ifPresent(op -> {
                if (ops.fail(id, op.state(), Map.of("type", "urn:mano:problem:operation-orphaned",
                        "title", "The orchestrator running this operation stopped", "status", 503,
                        "detail", "no heartbeat for " + props.staleAfter().toSeconds() + " s while '" + op.progressDetail()
                                + "'; retry to finish it or roll back to undo it"))) {
                    log.warn("NS operation {} was orphaned at '{}': now FAILED_TEMP", id, op.progressDetail());
                    notify(id, "RESULT");
                }
            });
        }
    }

    private void notify(UUID id, String status) {
        ops.find(id).ifPresent(op -> notifier.operationChanged(op, status));
    }


    private NsLcmOpOcc expect(UUID id, String action) {
        NsLcmOpOcc op = ops.find(id).orElseThrow(() -> ApiProblem.notFound("NS LCM operation occurrence", id));
        if (op.state() != OperationState.FAILED_TEMP) {
            throw ApiProblem.conflict("operation-state-conflict", "cannot " + action + " operation " + id + " in state "
                    + op.state() + "; only FAILED_TEMP allows it").with("operationState", op.state().name());
        }
        return op;
    }

    private static ApiProblem raced(UUID id) {
        return ApiProblem.conflict("operation-state-conflict", "operation " + id + " was changed by another request");
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
