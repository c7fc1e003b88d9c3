package dev.mano.agent.protocol;

import java.util.List;
import java.util.Map;

/**
 * Sent every second: proof of life plus counters.
 *
 * @param seq         increases by one per heartbeat, so the VNFM can count lost ones
 * @param timestampMs the agent's wall clock, epoch milliseconds
 * @param counters    the VNF's own cumulative counters by name (e.g. acl_denied, nat_sessions)
 */
public record Heartbeat(long seq, long timestampMs, List<PortCounters> ports, List<LcoreLoad> lcores,
                        Map<String, Long> counters) implements AgentMessage.FromAgent {
    public Heartbeat {
        ports = List.copyOf(ports);
        lcores = List.copyOf(lcores);
        counters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
    }
}
