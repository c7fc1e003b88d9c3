package dev.mano.vnfm;

import dev.mano.vnfm.healing.HealingWatch;
import dev.mano.vnfm.scaling.ScalingWatch;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scaling and healing policies once a second, the heartbeat period: evaluating
 * more often sees nothing new. Disabled with {@code mano.vnfm.policies.enabled=false}.
 */
@Component
public class PolicyTicker {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyTicker.class);

    private final ScheduledExecutorService ticker;

    public PolicyTicker(ScalingWatch scaling, HealingWatch healing, ObjectProvider<Clock> clock,
                        @Value("${mano.vnfm.policies.enabled:true}") boolean enabled,
                        @Value("${mano.vnfm.policies.period:PT1S}") Duration period) {
        Clock c = clock.getIfAvailable(Clock::systemUTC);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vnfm-policies");
            t.setDaemon(true);
            return t;
        });
        if (enabled) {
            ticker.scheduleAtFixedRate(() -> {
                try {
                    healing.evaluate(c.instant()).forEach(h -> LOG.info("heal: {}", h.decision()));
                    scaling.evaluate(c.instant()).forEach(s -> LOG.info("scale {}: {}", s.vnfInstanceId(), s.decision()));
                } catch (RuntimeException e) {
                    // never let one bad evaluation cancel the schedule
                    LOG.error("policy evaluation failed", e);
                }
            }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
    }
}
