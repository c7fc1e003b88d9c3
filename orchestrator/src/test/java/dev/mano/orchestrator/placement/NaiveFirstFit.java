package dev.mano.orchestrator.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The baseline of bench/placement: every VNFC on the first host and first cell(s) that fit, in
 * inventory order, blind to the chain and to fragmentation. Same filter as the planner, so the
 * comparison measures only the weighing.
 */
final class NaiveFirstFit {
    PlanOutcome plan(CapacitySnapshot snapshot, PlacementRequest request) {
        List<Taken> placed = new ArrayList<>();
        for (VnfcNeeds need : request.chain()) {
            Demand demand = Demand.of(need);
            Taken taken = null;
            for (HostCapacity h : snapshot.hosts()) {
                if (!h.ready() || h.cells().length < demand.nodes
                        || Planner.antiAffinityHolder(h, need, request.chain(), placed) != null) {
                    continue;
                }
                taken = firstFit(h, need, demand);
                if (taken != null) {
                    break;
                }
            }
            if (taken == null) {
                for (int j = placed.size() - 1; j >= 0; j--) {
                    placed.get(j).giveBack();
                }
                return new PlanOutcome.Rejected(need.name(), false, List.of());
            }
            placed.add(taken);
        }
        return new PlanOutcome.Planned(PlacementPlan.of(UUID.randomUUID(), request.strategy(),
                placed.stream().map(Taken::toPlacement).toList()));
    }

    private static Taken firstFit(HostCapacity h, VnfcNeeds need, Demand demand) {
        if (demand.nodes == 1) {
            for (CellCapacity c : h.cells()) {
                if (demand.fits(c)) {
                    return Taken.take(h, new CellCapacity[] {c}, need, demand);
                }
            }
            return null;
        }
        for (int[] combo : ChainSuffix.combinationsCached(h.cells().length, demand.nodes)) {
            CellCapacity[] cells = new CellCapacity[combo.length];
            for (int k = 0; k < combo.length; k++) {
                cells[k] = h.cells()[combo[k]];
            }
            if (demand.fitsSplit(cells)) {
                return Taken.take(h, cells, need, demand);
            }
        }
        return null;
    }
}
