package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.api.ApiProblem;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs operations off the request thread and moves their state: STARTING → PROCESSING →
 * COMPLETED, or FAILED_TEMP with the problem; from FAILED_TEMP a person retries (→ PROCESSING),
 * rolls back (→ ROLLING_BACK → ROLLED_BACK) or gives up (→ FAILED). Every move is a
 * compare-and-set in the database, so replicas and the stale-operation sweeper never collide.
 */
@Component
class OperationRunner {
    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);
    private final LcmOpOccStore ops;
    private final LcmWorks works;
    private final ApplicationEventPublisher events;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final OperationHeartbeats heartbeats;

    OperationRunner(LcmOpOccStore ops, LcmWorks works, OperationHeartbeats heartbeats, ApplicationEventPublisher events) {
        this.events = events;
        this.heartbeats = heartbeats;
        this.ops = ops;
        this.works = works;
    }

    void start(LcmOpOcc op) {
        executor.submit(() -> drive(op.id(), OperationState.STARTING, OperationState.PROCESSING, false));
    }

    void retry(UUID id) {
        LcmOpOcc op = expect(id, OperationState.FAILED_TEMP, "retry");
        if (!ops.transition(id, OperationState.FAILED_TEMP, OperationState.PROCESSING)) throw raced(id);
        ops.clearError(id);
        executor.submit(() -> drive(op.id(), OperationState.PROCESSING, OperationState.PROCESSING, true));
    }

    void rollback(UUID id) {
        LcmOpOcc op = expect(id, OperationState.FAILED_TEMP, "roll back");
        works.forOperation(op.operation()).rollbackRefusal(op).ifPresent(why -> {
            throw ApiProblem.conflict("rollback-not-supported", op.operation() + " cannot be rolled back: " + why)
                    .with("operation", op.operation().name());
        });
        if (!ops.transition(id, OperationState.FAILED_TEMP, OperationState.ROLLING_BACK)) throw raced(id);
        ops.clearError(id);
        executor.submit(() -> undo(id));
    }

    void fail(UUID id) {
        expect(id, OperationState.FAILED_TEMP, "fail");
        if (!ops.transition(id, OperationState.FAILED_TEMP, OperationState.FAILED)) throw raced(id);
    }

    private void drive(UUID id, OperationState from, OperationState to, boolean retrying) {
        LcmOpOcc op;
        if (from != to) {
            Optional<LcmOpOcc> moved = ops.transitionAndGet(id, from, to);
            if (moved.isEmpty()) return;
            op = moved.get();
        } else {
            op = ops.find(id).orElseThrow();
        }
        OpContext ctx = new OpContext(op, ops);
        ScheduledFuture<?> beat = heartbeats.start(id, () -> ops.heartbeat(id));
        try {
            LcmWork work = works.forOperation(op.operation());
            if (retrying) work.retry(ctx); else work.run(ctx);
            if (ops.complete(id)) {
                log.info("{} {} of VNF {} completed", op.operation(), id, op.vnfInstanceId());
                publish(op, true);
            }
        } catch (Exception | LinkageError e) {
            log.warn("{} {} of VNF {} failed at '{}': {}", op.operation(), id, op.vnfInstanceId(), ctx.step(), e.toString());
            ops.fail(id, OperationState.PROCESSING, OperationState.FAILED_TEMP, OperationFailure.of(e, ctx.step()));
            publish(op, false);
        } finally {
            beat.cancel(false);
        }
    }

    private void publish(LcmOpOcc op, boolean completed) {
        try {
            events.publishEvent(new VnfOperationFinished(op, completed));
        } catch (RuntimeException e) {
            log.warn("Monitoring could not follow {} of VNF {}: {}", op.operation(), op.vnfInstanceId(), e.toString());
        }
    }

    private void undo(UUID id) {
        LcmOpOcc op = ops.find(id).orElseThrow();
        OpContext ctx = new OpContext(op, ops);
        ScheduledFuture<?> beat = heartbeats.start(id, () -> ops.heartbeat(id));
        try {
            works.forOperation(op.operation()).rollback(ctx);
            ops.progress(id, 100, "rolled back");
            ops.transition(id, OperationState.ROLLING_BACK, OperationState.ROLLED_BACK);
        } catch (Exception | LinkageError e) {
            log.warn("Rollback of {} {} failed at '{}': {}", op.operation(), id, ctx.step(), e.toString());
            ops.fail(id, OperationState.ROLLING_BACK, OperationState.FAILED_TEMP, OperationFailure.of(e, "rollback: " + ctx.step()));
        } finally {
            beat.cancel(false);
        }
    }


    private LcmOpOcc expect(UUID id, OperationState state, String action) {
        LcmOpOcc op = ops.find(id).orElseThrow(() -> ApiProblem.notFound("VNF LCM operation occurrence", id));
        if (op.state() != state) {
            throw ApiProblem.conflict("operation-state-conflict", "cannot " + action + " operation " + id + " in state "
                    + op.state() + "; only " + state + " allows it").with("operationState", op.state().name());
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
