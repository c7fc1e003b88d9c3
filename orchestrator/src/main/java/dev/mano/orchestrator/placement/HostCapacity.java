package dev.mano.orchestrator.placement;

import java.util.List;
import java.util.UUID;

/**
 * One host in the planner's working copy.
 *
 * @param ready       false for an unreachable host: kept only so a rejection can say why it was skipped
 * @param stateReason why it is not ready
 */
record HostCapacity(UUID id, String name, boolean ready, String stateReason, CellCapacity[] cells) {
    HostCapacity(UUID id, String name, boolean ready, String stateReason, List<CellCapacity> cells) {
        this(id, name, ready, stateReason, cells.toArray(CellCapacity[]::new));
    }

    int freeThreads() {
        int n = 0;
        for (CellCapacity c : cells) {
            n += c.freeThreads;
        }
        return n;
    }

    int totalIsolatedThreads() {
        int n = 0;
        for (CellCapacity c : cells) {
            n += c.totalIsolatedThreads;
        }
        return n;
    }
}
