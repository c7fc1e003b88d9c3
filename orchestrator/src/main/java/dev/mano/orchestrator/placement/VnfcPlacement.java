package dev.mano.orchestrator.placement;

import java.util.List;
import java.util.UUID;

/** Where one VNFC goes: a host and, per guest NUMA node, a host cell with its CPUs, pages and VFs. */
public record VnfcPlacement(UUID vnfcId, String name, UUID hostId, String hostName, List<NodePlacement> nodes) {
    public VnfcPlacement {
        nodes = List.copyOf(nodes);
    }

    /** The host cell of guest node 0: where the chain link to the neighbours attaches. */
    public int primaryCell() {
        return nodes.getFirst().hostCell();
    }
}
