package dev.mano.orchestrator.placement;

import java.util.List;
import java.util.UUID;

/**
 * The resources chosen for a request, in chain order.
 *
 * @param crossCellHops chain links between neighbours on one host but different cells (a QPI/UPI crossing)
 * @param crossHostHops chain links that leave the host (a NIC round trip instead of a vhost-user hop)
 */
public record PlacementPlan(UUID id, Strategy strategy, List<VnfcPlacement> vnfcs, int crossCellHops, int crossHostHops) {
    public PlacementPlan {
        vnfcs = List.copyOf(vnfcs);
    }

    /** Counts hops along the chain order. */
    public static PlacementPlan of(UUID id, Strategy strategy, List<VnfcPlacement> vnfcs) {
        int cell = 0;
        int host = 0;
        for (int i = 1; i < vnfcs.size(); i++) {
            VnfcPlacement a = vnfcs.get(i - 1);
            VnfcPlacement b = vnfcs.get(i);
            if (!a.hostId().equals(b.hostId())) {
                host++;
            } else if (a.primaryCell() != b.primaryCell()) {
                cell++;
            }
        }
        return new PlacementPlan(id, strategy, vnfcs, cell, host);
    }
}
