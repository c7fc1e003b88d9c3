package dev.mano.orchestrator.vnflcm;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Proves that this replica is still running an operation, VNF or NS: calls {@code beat} every
 * {@code mano.vnflcm.heartbeat} until cancelled. A missed beat is only logged; the sweepers act
 * on a heartbeat that stayed stale for {@code mano.vnflcm.stale-after}.
 */
@Component
public class OperationHeartbeats {
    private static final Logger log = LoggerFactory.getLogger(OperationHeartbeats.class);
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("lcm-heartbeat").factory());

    OperationHeartbeats(VnfLcmProperties props) {
        this.every = props.heartbeat();
    }

    public ScheduledFuture<?> start(Object operationId, Runnable beat) {
        return timer.scheduleAtFixedRate(() -> {
            try {
                beat.run();
            } catch (RuntimeException e) {
                log.debug("heartbeat of {} failed: {}", operationId, e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
