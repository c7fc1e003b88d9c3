package dev.mano.vnfm.monitoring;

import dev.mano.agent.protocol.Heartbeat;
import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.agent.AgentListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Feeds agent heartbeats into the metrics store, one {@link SampleDeriver} per VNFC. */
@Component
public class MonitoringFeed implements AgentListener {

    private final MetricsStore store;
    private final Map<VnfcRef, SampleDeriver> derivers = new ConcurrentHashMap<>();

    public MonitoringFeed(MetricsStore store) {
        this.store = store;
    }

    /*
     * No reset on hello: the agent repeats it on virtio-serial links, and a restarted runtime
     * shows itself by its counters and sequence going back, which the deriver detects.
     */

    @Override
    public void onHeartbeat(VnfcRef vnfc, Heartbeat heartbeat, Instant at) {
        SampleDeriver deriver = derivers.computeIfAbsent(vnfc, k -> new SampleDeriver());
        synchronized (deriver) {
            deriver.next(heartbeat, at).ifPresent(sample -> store.record(vnfc, sample));
        }
    }

    /** The VNFC is gone. */
    public void forget(VnfcRef vnfc) {
        derivers.remove(vnfc);
        store.remove(vnfc);
    }
}
