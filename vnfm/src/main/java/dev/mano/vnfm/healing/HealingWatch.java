package dev.mano.vnfm.healing;

import dev.mano.agent.protocol.Heartbeat;
import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.agent.AgentListener;
import dev.mano.vim.events.DomainEventListener;
import dev.mano.vim.events.DomainLifecycleEvent;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Watches the heartbeats of every VNFC with a healing policy and turns losses — and
 * failures reported from elsewhere, such as a libvirt "crashed" event — into heal requests.
 * A VNFC being healed is not watched until the lifecycle re-arms it, so one failure yields
 * one heal.
 */
@Component
public class HealingWatch implements AgentListener, DomainEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(HealingWatch.class);

    private final ApplicationEventPublisher events;
    private final Map<VnfcRef, Watched> watched = new ConcurrentHashMap<>();
    private final Map<DomainKey, VnfcRef> domains = new ConcurrentHashMap<>();
    /** libvirt's event thread must not wait for heal listeners: events are handled here instead. */
    private final ExecutorService domainEvents = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vnfm-domain-events");
        t.setDaemon(true);
        return t;
    });

    private record DomainKey(String hostUri, String domainName) {
    }

    /** Per VNFC; {@code healing} is set by the first failure so that its echoes (CRASHED, then STOPPED) heal once. */
    private static final class Watched {
        final HeartbeatWatch heartbeats;
        final HealPlanner planner;
        boolean healing;

        Watched(HeartbeatWatch heartbeats, HealPlanner planner) {
            this.heartbeats = heartbeats;
            this.planner = planner;
        }
    }

    public HealingWatch(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Watches a VNFC from {@code since} (its boot finished); it must heartbeat within the policy's timeout. */
    public void watch(VnfcRef vnfc, HealingPolicy policy, Instant since) {
        Watched w = watched.computeIfAbsent(vnfc,
                k -> new Watched(new HeartbeatWatch(policy.heartbeatTimeout()), new HealPlanner(policy)));
        synchronized (w) {
            w.healing = false;
            w.heartbeats.watch(vnfc, since);
        }
    }

    /** Ties a watched VNFC to its VM, so libvirt events about the domain reach it. */
    public void watchDomain(VnfcRef vnfc, String hostUri, String domainName) {
        domains.put(new DomainKey(hostUri, domainName), vnfc);
    }

    /** The VNFC is gone (terminated or scaled in), or about to be stopped on purpose. */
    public void forget(VnfcRef vnfc) {
        watched.remove(vnfc);
        domains.values().removeIf(vnfc::equals);
    }

    /** From a {@link dev.mano.vim.events.DomainEventSubscription} of each host. Returns at once. */
    @Override
    public void onEvent(DomainLifecycleEvent event) {
        domainEvents.execute(() -> {
            VnfcRef vnfc = domains.get(new DomainKey(event.hostUri(), event.domainName()));
            if (vnfc == null) {
                return;
            }
            DomainFailure.of(event).flatMap(failure -> failed(vnfc, failure, Instant.now()))
                    .ifPresent(request -> LOG.info("heal: {}", request.decision()));
        });
    }

    @PreDestroy
    void stop() {
        domainEvents.shutdownNow();
    }

    @Override
    public void onHeartbeat(VnfcRef vnfc, Heartbeat heartbeat, Instant at) {
        Watched w = watched.get(vnfc);
        if (w != null) {
            w.heartbeats.heartbeat(vnfc, at);
        }
    }

    /**
     * A failure seen outside the heartbeats, e.g. libvirt reported the domain crashed. Empty
     * when the VNFC is not watched or a heal for it is already under way.
     */
    public Optional<HealRequest> failed(VnfcRef vnfc, String failure, Instant now) {
        Watched w = watched.get(vnfc);
        if (w == null) {
            return Optional.empty();
        }
        HealRequest request;
        synchronized (w) {
            if (w.healing) {
                return Optional.empty();
            }
            w.healing = true;
            w.heartbeats.forget(vnfc);
            request = new HealRequest(w.planner.onFailure(vnfc, failure, now));
        }
        events.publishEvent(request);
        return Optional.of(request);
    }

    /** Checks heartbeats now; publishes and returns the heal requests. */
    public List<HealRequest> evaluate(Instant now) {
        List<HealRequest> out = new ArrayList<>();
        watched.forEach((vnfc, w) -> {
            for (HeartbeatLoss loss : w.heartbeats.newlyLost(now)) {
                failed(vnfc, loss.reason(), now).ifPresent(out::add);
            }
        });
        return out;
    }
}
