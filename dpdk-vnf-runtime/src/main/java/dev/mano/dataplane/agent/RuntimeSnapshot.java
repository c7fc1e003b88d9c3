package dev.mano.dataplane.agent;

import dev.mano.agent.protocol.PortCounters;

import java.util.List;
import java.util.Map;

/**
 * Cumulative counters of the runtime at one instant.
 *
 * @param counters the VNF's own named counters (e.g. acl_denied)
 */
public record RuntimeSnapshot(List<PortCounters> ports, List<LcoreCycles> lcores, Map<String, Long> counters) {
    public RuntimeSnapshot {
        ports = List.copyOf(ports);
        lcores = List.copyOf(lcores);
        counters = Map.copyOf(counters);
    }
}
