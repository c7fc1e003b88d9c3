package dev.mano.vnfm.healing;

import dev.mano.agent.protocol.Heartbeat;
import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.agent.AgentListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the heartbeats of every VNFC with a healing policy and turns losses — and
 * failures reported from elsewhere, such as a libvirt "crashed" event — into heal requests.
 * A VNFC being healed is not watched until the lifecycle re-arms it, so one failure yields
 * one heal.
 */
@Component
public class HealingWatch implements AgentListener {

    private final ApplicationEventPublisher events;
    private final Map<VnfcRef, Watched> watched = new ConcurrentHashMap<>();

    private record Watched(HeartbeatWatch heartbeats, HealPlanner planner) {
    }

    public HealingWatch(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Watches a VNFC from {@code since} (its boot finished); it must heartbeat within the policy's timeout. */
    public void watch(VnfcRef vnfc, HealingPolicy policy, Instant since) {
        Watched w = watched.computeIfAbsent(vnfc,
                k -> new Watched(new HeartbeatWatch(policy.heartbeatTimeout()), new HealPlanner(policy)));
        w.heartbeats().watch(vnfc, since);
    }

    /** The VNFC is gone (terminated or scaled in). */
    public void forget(VnfcRef vnfc) {
        watched.remove(vnfc);
    }

    @Override
    public void onHeartbeat(VnfcRef vnfc, Heartbeat heartbeat, Instant at) {
        Watched w = watched.get(vnfc);
        if (w != null) {
            w.heartbeats().heartbeat(vnfc, at);
        }
    }

    /** A failure seen outside the heartbeats, e.g. libvirt reported the domain crashed. */
    public HealRequest failed(VnfcRef vnfc, String failure, Instant now) {
        Watched w = watched.get(vnfc);
        if (w == null) {
            return null;
        }
        w.heartbeats().forget(vnfc);
        HealRequest request = new HealRequest(w.planner().onFailure(vnfc, failure, now));
        events.publishEvent(request);
        return request;
    }

    /** Checks heartbeats now; publishes and returns the heal requests. */
    public List<HealRequest> evaluate(Instant now) {
        List<HealRequest> out = new ArrayList<>();
        watched.forEach((vnfc, w) -> {
            for (HeartbeatLoss loss : w.heartbeats().newlyLost(now)) {
                w.heartbeats().forget(vnfc);
                HealRequest request = new HealRequest(w.planner().onFailure(vnfc, loss.reason(), now));
                out.add(request);
                events.publishEvent(request);
            }
        });
        return out;
    }
}
