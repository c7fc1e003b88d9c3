package dev.mano.orchestrator.placement;

import java.util.List;

/**
 * VNFCs to place together, all or nothing. The list order is the service chain: element i forwards
 * to element i+1, so neighbours are kept on the same host and cell where they fit.
 */
public record PlacementRequest(Strategy strategy, List<VnfcNeeds> chain) {
    public PlacementRequest {
        strategy = strategy == null ? Strategy.PACK : strategy;
        chain = chain == null ? List.of() : List.copyOf(chain);
    }
}
