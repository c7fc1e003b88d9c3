package dev.mano.vnfm.scaling;

import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.monitoring.MetricsStore;
import dev.mano.vnfm.monitoring.VnfLoad;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies each registered VNF's scaling policy to its recent load. While a scaling
 * operation is in flight for a VNF no new decision is made for it; the cooldown then runs
 * from when that operation finished ({@link #scaled}). A request the lifecycle could not act
 * on (another operation running) is given back with {@link #declined}; one that nobody
 * answers expires after {@link #IN_FLIGHT_TIMEOUT}, so a lost answer cannot freeze a VNF's
 * scaling for good.
 */
@Component
public class ScalingWatch {

    private final MetricsStore store;
    private final ApplicationEventPublisher events;
    private final ScalingEvaluator evaluator = new ScalingEvaluator();
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();

    /** Longer than any scaling operation should take (boot + hello + config of a VM). */
    public static final Duration IN_FLIGHT_TIMEOUT = Duration.ofMinutes(15);

    /** {@code inFlightSince} is null when no request is outstanding. */
    private record Watched(ScalingPolicy policy, int instances, Instant lastScaling, Instant inFlightSince) {
        boolean inFlight(Instant now) {
            return inFlightSince != null && now.isBefore(inFlightSince.plus(IN_FLIGHT_TIMEOUT));
        }
    }

    public ScalingWatch(MetricsStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** Starts applying the policy to a VNF of {@code instances} VNFCs (after instantiation). */
    public void watch(String vnfInstanceId, ScalingPolicy policy, int instances, Instant since) {
        // the instantiation counts as a scaling operation: its cooldown lets the new VNF settle
        watched.put(vnfInstanceId, new Watched(policy, instances, since, null));
    }

    public void forget(String vnfInstanceId) {
        watched.remove(vnfInstanceId);
    }

    /** The lifecycle finished a scaling operation (successful or not) and the VNF now has {@code instances}. */
    public void scaled(String vnfInstanceId, int instances, Instant at) {
        watched.computeIfPresent(vnfInstanceId, (id, w) -> new Watched(w.policy(), instances, at, null));
    }

    /** The lifecycle did not start the requested operation (e.g. another one was running): decide again later. */
    public void declined(String vnfInstanceId) {
        watched.computeIfPresent(vnfInstanceId, (id, w) -> new Watched(w.policy(), w.instances(), w.lastScaling(), null));
    }

    /** Evaluates every watched VNF now; publishes and returns the scale requests. */
    public List<ScaleRequest> evaluate(Instant now) {
        List<ScaleRequest> out = new ArrayList<>();
        for (Map.Entry<String, Watched> e : watched.entrySet()) {
            Watched w = e.getValue();
            if (w.inFlight(now)) {
                continue;
            }
            List<List<dev.mano.vnfm.monitoring.VnfcSample>> perVnfc = new ArrayList<>();
            for (VnfcRef vnfc : store.vnfcs(e.getKey())) {
                perVnfc.add(store.samples(vnfc));
            }
            ScalingDecision d = evaluator.evaluate(w.policy(), VnfLoad.series(perVnfc), w.instances(),
                    w.lastScaling(), now);
            if (d instanceof ScalingDecision.Hold) {
                continue;
            }
            // mark in flight before publishing so a slow listener cannot see a second decision
            watched.put(e.getKey(), new Watched(w.policy(), w.instances(), w.lastScaling(), now));
            ScaleRequest request = new ScaleRequest(e.getKey(), d);
            out.add(request);
            events.publishEvent(request);
        }
        return out;
    }
}
