package dev.mano.orchestrator.placement;

import java.util.List;

/**
 * Free resources of every host at one moment, as a mutable working copy: the planner takes from it
 * while it plans a batch. It is never shared between requests; the database stays the truth.
 */
record CapacitySnapshot(List<HostCapacity> hosts) {
    CapacitySnapshot {
        hosts = List.copyOf(hosts);
    }
}
