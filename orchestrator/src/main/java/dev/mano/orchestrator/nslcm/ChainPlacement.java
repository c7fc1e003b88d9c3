package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.network.ChainPorts;
import dev.mano.orchestrator.network.SegmentPath;
import dev.mano.orchestrator.placement.PlacementPlan;
import dev.mano.orchestrator.placement.PlacementRequest;
import dev.mano.orchestrator.placement.PlacementService;
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
 * they fit, committed as one placement per VNF in one transaction: each VNF later terminates,
 * scales and releases on its own. A plan that splits a bridge segment over hosts is released and
 * refused (see {@link #splitBridge}).
 */
@Component
class ChainPlacement {
    private final PlacementService placement;

    ChainPlacement(PlacementService placement) {
        this.placement = placement;
    }

    /** One chain member to place: its VNF instance, its VNFD and the VNFCs it gets. */
    record Member(UUID vnfInstanceId, String name, Vnfd vnfd, List<VnfcRequirements.NewVnfc> vnfcs) {}

    /** Per VNF instance: its committed plan and the VDU of each VNFC. */
    record Placed(UUID vnfInstanceId, PlacementPlan plan, Map<String, String> vnfcVdus) {}

    /**
     * A bridge segment (no VF end: see LinkRealisation) exists on one host only, so every VNFC at its ends must
     * be there: a hard constraint the planner does not know (it only prefers neighbours together), checked on
     * its plan. The planner keeps a neighbour on its predecessor's host whenever it fits there, so a split plan
     * means the two ends do not fit on one host: the chain is refused, naming the segment.
     */
    private static Outcome.Rejected splitBridge(List<Member> chain, List<Placed> placed) {
        for (int s = 0; s <= chain.size(); s++) {
            List<Integer> members = s == 0 ? List.of(0) : s == chain.size() ? List.of(s - 1) : List.of(s - 1, s);
            List<ChainPorts.Port> ports = new ArrayList<>();
            java.util.Set<String> hosts = new java.util.LinkedHashSet<>();
            for (int m : members) {
                int port = s == 0 ? 0 : m == s - 1 ? 1 : 0;
                for (VnfcRequirements.NewVnfc c : chain.get(m).vnfcs()) {
                    ports.add(ChainPorts.port(chain.get(m).vnfd().connectionPointsOf(c.vdu().id()), port));
                }
                placed.get(m).plan().vnfcs().forEach(v -> hosts.add(v.hostName()));
            }
            SegmentPath path = SegmentPath.of(ports);
            if ((path instanceof SegmentPath.Bridge || path instanceof SegmentPath.VhostUserPair) && hosts.size() > 1) {
                String what = s == 0 ? "the ingress access point of " + chain.getFirst().name()
                        : s == chain.size() ? "the egress access point of " + chain.getLast().name()
                        : "the link " + chain.get(s - 1).name() + " -> " + chain.get(s).name();
                return new Outcome.Rejected(chain.get(members.getLast()).name(), List.of(what
                        + " joins bridge ports (virtio or vhost-user CPs), which must share one host, but its VNFCs do not fit on one host"
                        + " (the best plan put them on " + String.join(", ", hosts) + "); SR-IOV VF CPs on one physical network"
                        + " would link them across hosts"));
            }
        }
        return null;
    }

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

        var outcome = placement.placeInParts(request, whole -> chain.stream()
                .map(m -> PlacementPlan.of(UUID.randomUUID(), strategy,
                        whole.vnfcs().stream().filter(p -> memberOf.get(p.vnfcId()) == m).toList()))
                .toList());
        return switch (outcome) {
            case PlacementService.PartsOutcome.Rejected r -> new Outcome.Rejected(r.rejection().vnfcName(), r.rejection().reasons());
            case PlacementService.PartsOutcome.Committed c -> {
                List<Placed> placed = new ArrayList<>();
                for (int i = 0; i < chain.size(); i++) {
                    PlacementPlan part = c.parts().get(i);
                    Map<String, String> vdus = new LinkedHashMap<>();
                    for (VnfcPlacement p : part.vnfcs()) vdus.put(p.vnfcId().toString(), vduOf.get(p.vnfcId()));
                    placed.add(new Placed(chain.get(i).vnfInstanceId(), part, vdus));
                }
                Outcome.Rejected split = splitBridge(chain, placed);
                if (split != null) {
                    placed.forEach(p -> placement.release(p.plan().id()));
                    yield split;
                }
                yield new Outcome.Committed(placed, c.whole().crossCellHops(), c.whole().crossHostHops());
            }
        };
    }
}
