package dev.mano.orchestrator.placement;

import static dev.mano.orchestrator.placement.TestCapacity.host;
import static dev.mano.orchestrator.placement.TestCapacity.vnfc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The planner alone, over in-memory working copies: filter, weigh, chain awareness, reasons. */
class PlannerTest {
    private final Planner planner = new Planner();

    private static CapacitySnapshot twoHosts() {
        return new CapacitySnapshot(List.of(
                host("host-1", 2, 8, 2, 1, Map.of(2048L, 1024L, 1048576L, 4L), Map.of("north", 4)),
                host("host-2", 2, 8, 2, 1, Map.of(2048L, 1024L, 1048576L, 4L), Map.of("north", 4))));
    }

    private PlacementPlan planned(CapacitySnapshot s, PlacementRequest r) {
        PlanOutcome o = planner.plan(s, r, UUID.randomUUID());
        assertThat(o).isInstanceOf(PlanOutcome.Planned.class);
        return ((PlanOutcome.Planned) o).plan();
    }

    @Test
    void isolatePolicyGivesWholeCoresAndReservesTheirSiblings() {
        CapacitySnapshot s = twoHosts();
        PlacementPlan plan = planned(s, new PlacementRequest(Strategy.PACK,
                List.of(vnfc("fw", 3, ThreadPolicy.ISOLATE, 1024, Map.of("north", 2)))));
        NodePlacement node = plan.vnfcs().getFirst().nodes().getFirst();
        assertThat(node.pmdCpus()).hasSize(3);
        // 2 cells x 8 cores: CPU n's sibling is n + 16
        assertThat(node.siblingCpus()).containsExactlyElementsOf(node.pmdCpus().stream().map(c -> c + 16).toList());
        assertThat(node.housekeepingCpus()).containsExactly(node.hostCell() * 8, node.hostCell() * 8 + 16);
        assertThat(node.pages()).isEqualTo(512);
        assertThat(node.vfs()).hasSize(2).allMatch(v -> v.physicalNetwork().equals("north") && v.cell() == node.hostCell());
    }

    @Test
    void chainNeighboursShareHostAndCellWhenTheyFit() {
        CapacitySnapshot s = twoHosts();
        PlacementPlan plan = planned(s, new PlacementRequest(Strategy.SPREAD, List.of(
                vnfc("fw", 2, ThreadPolicy.ISOLATE, 512, Map.of("north", 1)),
                vnfc("nat", 2, ThreadPolicy.ISOLATE, 512, Map.of()),
                vnfc("router", 2, ThreadPolicy.ISOLATE, 512, Map.of("north", 1)))));
        assertThat(plan.crossCellHops()).isZero();
        assertThat(plan.crossHostHops()).isZero();
        assertThat(plan.vnfcs()).extracting(VnfcPlacement::hostName).containsOnly(plan.vnfcs().getFirst().hostName());
    }

    @Test
    void aChainTooBigForOneCellStaysOnOneHostAndCountsTheCrossing() {
        CapacitySnapshot s = twoHosts();
        // 7 isolated whole cores per cell: 4 + 4 cannot share a cell
        PlacementPlan plan = planned(s, new PlacementRequest(Strategy.PACK, List.of(
                vnfc("a", 4, ThreadPolicy.ISOLATE, 512, Map.of()),
                vnfc("b", 4, ThreadPolicy.ISOLATE, 512, Map.of()))));
        assertThat(plan.crossHostHops()).isZero();
        assertThat(plan.crossCellHops()).isEqualTo(1);
    }

    @Test
    void packFillsOneHostSpreadAlternates() {
        CapacitySnapshot packed = twoHosts();
        CapacitySnapshot spread = twoHosts();
        Set<String> packHosts = new HashSet<>();
        Set<String> spreadHosts = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            packHosts.add(planned(packed, new PlacementRequest(Strategy.PACK,
                    List.of(vnfc("v" + i, 1, ThreadPolicy.PREFER, 256, Map.of())))).vnfcs().getFirst().hostName());
            spreadHosts.add(planned(spread, new PlacementRequest(Strategy.SPREAD,
                    List.of(vnfc("v" + i, 1, ThreadPolicy.PREFER, 256, Map.of())))).vnfcs().getFirst().hostName());
        }
        assertThat(packHosts).hasSize(1);
        assertThat(spreadHosts).hasSize(2);
    }

    @Test
    void preferTakesLeftoverThreadsBeforeBreakingWholeCores() {
        CapacitySnapshot s = new CapacitySnapshot(List.of(host("h", 1, 4, 2, 0, Map.of(2048L, 1024L), Map.of())));
        PlacementPlan first = planned(s, new PlacementRequest(Strategy.PACK, List.of(vnfc("a", 1, ThreadPolicy.PREFER, 64, Map.of()))));
        PlacementPlan second = planned(s, new PlacementRequest(Strategy.PACK, List.of(vnfc("b", 1, ThreadPolicy.PREFER, 64, Map.of()))));
        int a = first.vnfcs().getFirst().nodes().getFirst().pmdCpus().getFirst();
        int b = second.vnfcs().getFirst().nodes().getFirst().pmdCpus().getFirst();
        assertThat(Math.abs(a - b)).as("second PMD lands on the first one's sibling").isEqualTo(4);
        assertThat(s.hosts().getFirst().cells()[0].freeWholeCores).isEqualTo(3);
    }

    @Test
    void onlyHostsKeepsVnfcsOnTheGivenHostAndSaysSoWhenItIsFull() {
        CapacitySnapshot s = twoHosts();
        HostCapacity second = s.hosts().get(1);
        // PACK alone would take the first host (same fill, first listed); the restriction wins
        PlacementPlan plan = planned(s, new PlacementRequest(Strategy.PACK,
                List.of(vnfc("scaled", 2, ThreadPolicy.ISOLATE, 256, Map.of())), Set.of(second.id())));
        assertThat(plan.vnfcs()).extracting(VnfcPlacement::hostName).containsOnly("host-2");

        PlanOutcome tooBig = planner.plan(s, new PlacementRequest(Strategy.PACK,
                List.of(vnfc("huge", 30, ThreadPolicy.ISOLATE, 256, Map.of())), Set.of(second.id())), UUID.randomUUID());
        assertThat(tooBig).isInstanceOf(PlanOutcome.Rejected.class);
        List<String> reasons = ((PlanOutcome.Rejected) tooBig).reasons();
        assertThat(reasons).noneMatch(r -> r.contains("host-1")).contains("only [host-2] may take it");
    }

    @Test
    void antiAffinityPutsGroupMembersOnDifferentHosts() {
        CapacitySnapshot s = twoHosts();
        VnfcNeeds a = new VnfcNeeds(null, "lb-a", 2, 1, ThreadPolicy.ISOLATE, 256, 2048, 1, Map.of(), 0, "lb");
        VnfcNeeds b = new VnfcNeeds(null, "lb-b", 2, 1, ThreadPolicy.ISOLATE, 256, 2048, 1, Map.of(), 0, "lb");
        PlacementPlan plan = planned(s, new PlacementRequest(Strategy.PACK, List.of(a, b)));
        assertThat(plan.vnfcs().get(0).hostId()).isNotEqualTo(plan.vnfcs().get(1).hostId());
        assertThat(plan.crossHostHops()).isEqualTo(1);

        VnfcNeeds c = new VnfcNeeds(null, "lb-c", 2, 1, ThreadPolicy.ISOLATE, 256, 2048, 1, Map.of(), 0, "lb");
        PlanOutcome third = planner.plan(twoHosts(), new PlacementRequest(Strategy.PACK, List.of(a, b, c)), UUID.randomUUID());
        assertThat(third).isInstanceOfSatisfying(PlanOutcome.Rejected.class, r ->
                assertThat(r.reasons()).anyMatch(l -> l.contains("anti-affinity group 'lb'")));
    }

    @Test
    void twoGuestNumaNodesSplitCoresAndPagesOverTwoCells() {
        CapacitySnapshot s = twoHosts();
        VnfcNeeds big = new VnfcNeeds(null, "upf", 8, 6, ThreadPolicy.ISOLATE, 4096, 1048576, 2,
                Map.of("north", 6), 0, null);
        PlacementPlan plan = planned(s, new PlacementRequest(Strategy.PACK, List.of(big)));
        List<NodePlacement> nodes = plan.vnfcs().getFirst().nodes();
        assertThat(nodes).extracting(NodePlacement::hostCell).containsExactlyInAnyOrder(0, 1);
        assertThat(nodes).extracting(n -> n.pmdCpus().size()).containsExactly(3, 3);
        assertThat(nodes).extracting(NodePlacement::pages).containsExactly(2L, 2L);
        assertThat(nodes.stream().mapToInt(n -> n.vfs().size()).sum()).isEqualTo(6);
        for (NodePlacement n : nodes) {
            assertThat(n.vfs()).allMatch(v -> v.cell() == n.hostCell());
        }
    }

    @Test
    void rejectionSaysPerCellWhatIsMissingAndLeavesTheSnapshotUntouched() {
        CapacitySnapshot s = twoHosts();
        planned(s, new PlacementRequest(Strategy.PACK, List.of(vnfc("x", 6, ThreadPolicy.ISOLATE, 256, Map.of()))));
        int freeBefore = s.hosts().stream().mapToInt(HostCapacity::freeThreads).sum();
        PlanOutcome o = planner.plan(s, new PlacementRequest(Strategy.PACK, List.of(
                vnfc("ok", 1, ThreadPolicy.ISOLATE, 256, Map.of()),
                vnfc("greedy", 8, ThreadPolicy.ISOLATE, 256, Map.of()))), UUID.randomUUID());
        assertThat(o).isInstanceOfSatisfying(PlanOutcome.Rejected.class, r -> {
            assertThat(r.vnfcName()).isEqualTo("greedy");
            assertThat(r.neverFits()).isTrue();
            assertThat(r.reasons()).anyMatch(l -> l.contains("host-1 cell 0: 1 free whole isolated cores, needs 8 (thread policy isolate)"));
        });
        assertThat(s.hosts().stream().mapToInt(HostCapacity::freeThreads).sum()).isEqualTo(freeBefore);

        PlanOutcome pages = planner.plan(s, new PlacementRequest(Strategy.PACK,
                List.of(new VnfcNeeds(null, "mem", 2, 1, ThreadPolicy.ISOLATE, 8192, 1048576, 1, Map.of(), 0, null))),
                UUID.randomUUID());
        assertThat(pages).isInstanceOfSatisfying(PlanOutcome.Rejected.class, r ->
                assertThat(r.reasons()).contains("host-2 cell 1: 4 free 1G hugepages, needs 8"));
    }

    @Test
    void requirePolicyNeedsHyperthreads() {
        CapacitySnapshot s = new CapacitySnapshot(List.of(host("no-smt", 1, 8, 1, 1, Map.of(2048L, 1024L), Map.of())));
        PlanOutcome o = planner.plan(s, new PlacementRequest(Strategy.PACK,
                List.of(vnfc("r", 2, ThreadPolicy.REQUIRE, 64, Map.of()))), UUID.randomUUID());
        assertThat(o).isInstanceOfSatisfying(PlanOutcome.Rejected.class, r ->
                assertThat(r.reasons()).containsExactly("no-smt cell 0: no hyperthread siblings (thread policy require needs SMT)"));
        PlacementPlan plan = planned(twoHosts(), new PlacementRequest(Strategy.PACK,
                List.of(vnfc("r", 2, ThreadPolicy.REQUIRE, 64, Map.of()))));
        List<Integer> cpus = plan.vnfcs().getFirst().nodes().getFirst().pmdCpus();
        assertThat(cpus.get(1) - cpus.get(0)).as("the two PMDs are siblings of one core").isEqualTo(16);
    }

    @Test
    void aBatchNeverGivesACpuTwice() {
        CapacitySnapshot s = twoHosts();
        Set<String> seen = new HashSet<>();
        List<PlanOutcome> outcomes = new ArrayList<>();
        ThreadPolicy[] policies = ThreadPolicy.values();
        for (int i = 0; i < 40; i++) {
            outcomes.add(planner.plan(s, new PlacementRequest(i % 2 == 0 ? Strategy.PACK : Strategy.SPREAD,
                    List.of(vnfc("v" + i, 1 + i % 3, policies[i % 3], 128, Map.of("north", i % 2)))), UUID.randomUUID()));
        }
        for (PlanOutcome o : outcomes) {
            if (o instanceof PlanOutcome.Planned p) {
                for (VnfcPlacement v : p.plan().vnfcs()) {
                    for (NodePlacement n : v.nodes()) {
                        for (int cpu : n.pmdCpus()) {
                            assertThat(seen.add(v.hostName() + "/" + cpu)).isTrue();
                        }
                        for (int cpu : n.siblingCpus()) {
                            assertThat(seen.add(v.hostName() + "/" + cpu)).isTrue();
                        }
                        n.vfs().forEach(f -> assertThat(seen.add(v.hostName() + "/" + f.pciAddress())).isTrue());
                    }
                }
            }
        }
        assertThat(outcomes).anyMatch(o -> o instanceof PlanOutcome.Rejected);
        // every isolated thread of both hosts is either free or was handed out exactly once
        int isolated = s.hosts().stream().mapToInt(HostCapacity::totalIsolatedThreads).sum();
        long cpusTaken = seen.stream().filter(k -> !k.contains(":")).count();
        assertThat(cpusTaken + s.hosts().stream().mapToInt(HostCapacity::freeThreads).sum()).isEqualTo(isolated);
    }
}
