package dev.mano.vnfm.agent;

import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;
import dev.mano.vnfm.VnfcRef;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All agent connections of this VNFM, by VNFC. The lifecycle opens one when a VNFC's VM
 * or process is up and closes it when the VNFC goes; every {@link AgentListener} bean
 * (monitoring, healing) hears every connection.
 */
@Component
public class AgentClients {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AgentClients.class);

    private final Map<VnfcRef, AgentConnection> connections = new ConcurrentHashMap<>();
    private final ObjectProvider<AgentListener> listeners;
    private final Clock clock;
    private final AgentListener fanOut = new AgentListener() {
        @Override
        public void onHello(VnfcRef vnfc, Hello hello, Instant at) {
            each(vnfc, l -> l.onHello(vnfc, hello, at));
        }

        @Override
        public void onHeartbeat(VnfcRef vnfc, Heartbeat heartbeat, Instant at) {
            each(vnfc, l -> l.onHeartbeat(vnfc, heartbeat, at));
        }

        @Override
        public void onLinkDown(VnfcRef vnfc, String reason) {
            each(vnfc, l -> l.onLinkDown(vnfc, reason));
        }

        /** One failing listener (a bug in monitoring, say) must not keep the others (healing) from hearing. */
        private void each(VnfcRef vnfc, java.util.function.Consumer<AgentListener> call) {
            listeners.orderedStream().forEach(l -> {
                try {
                    call.accept(l);
                } catch (RuntimeException e) {
                    LOG.error("agent listener {} failed for {}", l.getClass().getSimpleName(), vnfc, e);
                }
            });
        }
    };

    public AgentClients(ObjectProvider<AgentListener> listeners, ObjectProvider<Clock> clock) {
        this.listeners = listeners;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Opens (or re-points) the connection to a VNFC's agent. */
    public AgentConnection connect(VnfcRef vnfc, AgentAddress address) {
        AgentConnection fresh = new AgentConnection(vnfc, address, fanOut, clock);
        AgentConnection old = connections.put(vnfc, fresh);
        if (old != null) {
            old.close();
        }
        return fresh.start();
    }

    public Optional<AgentConnection> get(VnfcRef vnfc) {
        return Optional.ofNullable(connections.get(vnfc));
    }

    public List<AgentConnection> all() {
        return List.copyOf(connections.values());
    }

    public void disconnect(VnfcRef vnfc) {
        AgentConnection c = connections.remove(vnfc);
        if (c != null) {
            c.close();
        }
    }

    @PreDestroy
    void closeAll() {
        connections.keySet().forEach(this::disconnect);
    }
}
