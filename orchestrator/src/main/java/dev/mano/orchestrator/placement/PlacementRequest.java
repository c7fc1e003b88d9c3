package dev.mano.orchestrator.placement;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * VNFCs to place together, all or nothing. The list order is the service chain: element i forwards
 * to element i+1, so neighbours are kept on the same host and cell where they fit.
 *
 * @param onlyHosts when not empty, the only hosts any of them may go to: a VNFC added to a chain member
 *                  whose ports are bridges must join the host those bridges exist on
 */
public record PlacementRequest(Strategy strategy, List<VnfcNeeds> chain, Set<UUID> onlyHosts) {
    public PlacementRequest {
        strategy = strategy == null ? Strategy.PACK : strategy;
        chain = chain == null ? List.of() : List.copyOf(chain);
        onlyHosts = onlyHosts == null ? Set.of() : Set.copyOf(onlyHosts);
    }

    /** Anywhere. */
    public PlacementRequest(Strategy strategy, List<VnfcNeeds> chain) {
        this(strategy, chain, Set.of());
    }

    boolean allows(HostCapacity host) {
        return onlyHosts.isEmpty() || onlyHosts.contains(host.id());
    }
}
