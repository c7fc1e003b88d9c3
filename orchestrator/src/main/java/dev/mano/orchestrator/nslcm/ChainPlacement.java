package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.placement.PlacementPlan;
import dev.mano.orchestrator.placement.PlacementRequest;
import dev.mano.orchestrator.placement.PlacementService;
import dev.mano.orchestrator.placement.PlanOutcome;
import dev.mano.orchestrator.placement.Planner;
import dev.mano.orchestrator.placement.Strategy;
import dev.mano.orchestrator.placement.VnfcNeeds;
import dev.mano.orchestrator.placement.VnfcPlacement;
import dev.mano.orchestrator.vnflcm.VnfcRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Places every VNFC of a chain in one plan, so neighbours land on the same host and cell where
 * they fit, then commits it as one placement per VNF: each VNF later terminates, scales and
 * releases on its own. The commits are all or nothing: a lost race releases what was committed
 * and plans once more against the new ledger.
 */
@Component
class ChainPlacement {
    private final PlacementService placement;
    private final Planner planner = new Planner();

    ChainPlacement(PlacementService placement) {
        this.placement = placement;
    }

    /** One chain member to place: its VNF instance, its VNFD and the VNFCs it gets. */
    record Member(UUID vnfInstanceId, String name, Vnfd vnfd, List<VnfcRequirements.NewVnfc> vnfcs) {}

    /** Per VNF instance: its committed plan and the VDU of each VNFC. */
    record Placed(UUID vnfInstanceId, PlacementPlan plan, Map<String, String> vnfcVdus) {}

    sealed interface Outcome {
        record Committed(List<Placed> placed, int crossCellHops, int crossHostHops) implements Outcome {}

        record Rejected(String vnfcName, List<String> reasons) implements Outcome {}
    }

    Outcome place(List<Member> chain, Strategy strategy) {
        List<VnfcNeeds> needs = new ArrayList<>();
        Map<UUID, Member> memberOf = new LinkedHashMap<>();
        Map<UUID, String> vduOf = new LinkedHashMap<>();
        for (Member m : chain) {
            for (VnfcRequirements.NewVnfc c : m.vnfcs()) {
                needs.add(VnfcRequirements.needs(m.name(), m.vnfd(), c));
                memberOf.put(c.id(), m);
                vduOf.put(c.id(), c.vdu().id());
            }
        }
        PlacementRequest request = new PlacementRequest(strategy, needs);
        List<String> invalid = PlacementService.validate(request);
        if (!invalid.isEmpty()) return new Outcome.Rejected("(request)", invalid);
        for (int attempt = 0; ; attempt++) {
            PlanOutcome outcome = planner.plan(placement.snapshot(), request, UUID.randomUUID());
            if (outcome instanceof PlanOutcome.Rejected r) return new Outcome.Rejected(r.vnfcName(), r.reasons());
            PlacementPlan whole = ((PlanOutcome.Planned) outcome).plan();
            List<Placed> committed = new ArrayList<>();
            try {
                for (Member m : chain) {
                    List<VnfcPlacement> mine = whole.vnfcs().stream()
                            .filter(p -> memberOf.get(p.vnfcId()) == m).toList();
                    PlacementPlan plan = PlacementPlan.of(UUID.randomUUID(), strategy, mine);
                    placement.commit(plan);
                    Map<String, String> vdus = new LinkedHashMap<>();
                    mine.forEach(p -> vdus.put(p.vnfcId().toString(), vduOf.get(p.vnfcId())));
                    committed.add(new Placed(m.vnfInstanceId(), plan, vdus));
                }
                return new Outcome.Committed(committed, whole.crossCellHops(), whole.crossHostHops());
            } catch (RuntimeException lostRace) { // a resource was taken between planning and commit
                committed.forEach(p -> placement.release(p.plan().id()));
                if (attempt == 1) throw lostRace;
            }
        }
    }
}
