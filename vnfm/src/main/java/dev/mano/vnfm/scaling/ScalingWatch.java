package dev.mano.vnfm.scaling;

import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.monitoring.MetricsStore;
import dev.mano.vnfm.monitoring.VnfLoad;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies each registered VNF's scaling policy to its recent load. While a scaling
 * operation is in flight for a VNF no new decision is made for it; the cooldown then runs
 * from when that operation finished.
 */
@Component
public class ScalingWatch {

    private final MetricsStore store;
    private final ApplicationEventPublisher events;
    private final ScalingEvaluator evaluator = new ScalingEvaluator();
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();

    private record Watched(ScalingPolicy policy, int instances, Instant lastScaling, boolean inFlight) {
    }

    public ScalingWatch(MetricsStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** Starts applying the policy to a VNF of {@code instances} VNFCs (after instantiation). */
    public void watch(String vnfInstanceId, ScalingPolicy policy, int instances, Instant since) {
        // the instantiation counts as a scaling operation: its cooldown lets the new VNF settle
        watched.put(vnfInstanceId, new Watched(policy, instances, since, false));
    }

    public void forget(String vnfInstanceId) {
        watched.remove(vnfInstanceId);
    }

    /** The lifecycle finished a scaling operation (successful or not) and the VNF now has {@code instances}. */
    public void scaled(String vnfInstanceId, int instances, Instant at) {
        watched.computeIfPresent(vnfInstanceId, (id, w) -> new Watched(w.policy(), instances, at, false));
    }

    /** Evaluates every watched VNF now; publishes and returns the scale requests. */
    public List<ScaleRequest> evaluate(Instant now) {
        List<ScaleRequest> out = new ArrayList<>();
        for (Map.Entry<String, Watched> e : watched.entrySet()) {
            Watched w = e.getValue();
            if (w.inFlight()) {
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
            watched.put(e.getKey(), new Watched(w.policy(), w.instances(), w.lastScaling(), true));
            ScaleRequest request = new ScaleRequest(e.getKey(), d);
            out.add(request);
            events.publishEvent(request);
        }
        return out;
    }
}
