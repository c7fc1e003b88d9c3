package dev.mano.orchestrator.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Filter -> weigh over an in-memory {@link CapacitySnapshot}; no I/O, so a batch of thousands of
 * VNFCs over a thousand hosts plans in well under a second. Chain-aware: each VNFC is weighed first
 * by locality to its predecessor (same cell, then same host), then by whether the rest of the chain
 * would still fit there, then by the strategy (PACK: fullest host, SPREAD: emptiest).
 *
 * <p>A successful plan leaves its resources taken in the snapshot (so a batch can continue); a
 * rejection leaves the snapshot as it was.
 */
public final class Planner {
    private static final long TIER = 10_000_000_000L;
    private final boolean explainRejections;

    /** A planner that explains every rejection per host and cell (what the API and the VNFM need). */
    public Planner() {
        this(true);
    }

    /** {@code explainRejections=false}: a rejection carries no reasons (batch what-if runs that only count). */
    public Planner(boolean explainRejections) {
        this.explainRejections = explainRejections;
    }

    public PlanOutcome plan(CapacitySnapshot snapshot, PlacementRequest request, UUID planId) {
        List<VnfcNeeds> chain = request.chain();
        ChainSuffix[] suffix = ChainSuffix.of(chain);
        List<Taken> placed = new ArrayList<>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            VnfcNeeds need = chain.get(i);
            Demand demand = Demand.of(need);
            Taken prev = i == 0 ? null : placed.get(i - 1);
            Choice best = choose(snapshot, request, need, demand, suffix[i], prev, placed);
            if (best == null) {
                PlanOutcome.Rejected rejected = explainRejections
                        ? RejectionReasons.explain(snapshot, request, need, demand, placed, i)
                        : new PlanOutcome.Rejected(need.name(), false, List.of());
                for (int j = placed.size() - 1; j >= 0; j--) {
                    placed.get(j).giveBack();
                }
                return rejected;
            }
            placed.add(Taken.take(best.host, best.cells, need, demand));
        }
        List<VnfcPlacement> vnfcs = new ArrayList<>(placed.size());
        for (Taken t : placed) {
            vnfcs.add(t.toPlacement());
        }
        return new PlanOutcome.Planned(PlacementPlan.of(planId, request.strategy(), vnfcs));
    }

    private record Choice(HostCapacity host, CellCapacity[] cells) {}

    private static Choice choose(CapacitySnapshot snapshot, PlacementRequest request, VnfcNeeds need, Demand demand,
                                 ChainSuffix rest, Taken prev, List<Taken> placed) {
        // Locality outranks everything else in the score, so when the predecessor's host can take this
        // VNFC no other host can win: weigh that host alone and skip the scan.
        if (prev != null) {
            Choice local = best(List.of(prev.host()), request, need, demand, rest, prev, placed);
            if (local != null) {
                return local;
            }
        }
        return best(snapshot.hosts(), request, need, demand, rest, prev, placed);
    }

    private static Choice best(List<HostCapacity> hosts, PlacementRequest request, VnfcNeeds need, Demand demand,
                               ChainSuffix rest, Taken prev, List<Taken> placed) {
        Strategy strategy = request.strategy();
        List<VnfcNeeds> chain = request.chain();
        HostCapacity bestHost = null;
        CellCapacity[] bestCells = null;
        long bestScore = Long.MIN_VALUE;
        int nodes = need.guestNumaNodes();
        for (HostCapacity h : hosts) {
            if (!request.allows(h) || !h.ready() || h.cells().length < nodes || antiAffinityHolder(h, need, chain, placed) != null) {
                continue;
            }
            int hostFree = -1; // computed only for a host with a fitting cell
            boolean restFitsHost = false;
            boolean restFitsHostKnown = false;
            if (nodes == 1) {
                for (CellCapacity c : h.cells()) {
                    if (!demand.fits(c)) {
                        continue;
                    }
                    int locality = locality(prev, h, c);
                    int restFit;
                    if (rest.fitsCell(c)) {
                        restFit = 2;
                    } else {
                        if (!restFitsHostKnown) {
                            restFitsHost = rest.fitsHost(h);
                            restFitsHostKnown = true;
                        }
                        restFit = restFitsHost ? 1 : 0;
                    }
                    if (hostFree < 0) {
                        hostFree = h.freeThreads();
                    }
                    long score = score(strategy, locality * 3 + restFit, hostFree, c.freeThreads);
                    if (score > bestScore) {
                        bestScore = score;
                        bestHost = h;
                        bestCells = new CellCapacity[] {c};
                    }
                }
            } else {
                for (int[] combo : ChainSuffix.combinationsCached(h.cells().length, nodes)) {
                    CellCapacity[] cells = new CellCapacity[nodes];
                    for (int k = 0; k < nodes; k++) {
                        cells[k] = h.cells()[combo[k]];
                    }
                    if (!demand.fitsSplit(cells)) {
                        continue;
                    }
                    int locality = locality(prev, h, cells[0]);
                    int restFit = rest.fitsHost(h) ? 1 : 0;
                    long score = score(strategy, locality * 3 + restFit, h.freeThreads(), cells[0].freeThreads);
                    if (score > bestScore) {
                        bestScore = score;
                        bestHost = h;
                        bestCells = cells;
                    }
                }
            }
        }
        return bestHost == null ? null : new Choice(bestHost, bestCells);
    }

    private static int locality(Taken prev, HostCapacity h, CellCapacity c) {
        if (prev == null || prev.host() != h) {
            return 0;
        }
        return prev.primaryCell() == c ? 2 : 1;
    }

    private static long score(Strategy strategy, int tier, int hostFree, int cellFree) {
        long s = strategy == Strategy.PACK
                ? (1_000_000L - hostFree) * 10_000L + (10_000L - cellFree)
                : hostFree * 10_000L + cellFree;
        return tier * TIER + s;
    }

    /** The name of a VNFC of this request, in the same anti-affinity group, already on {@code h}. */
    static String antiAffinityHolder(HostCapacity h, VnfcNeeds need, List<VnfcNeeds> chain, List<Taken> placed) {
        if (need.antiAffinityGroup() == null) {
            return null;
        }
        for (int j = 0; j < placed.size(); j++) {
            if (placed.get(j).host() == h && Objects.equals(chain.get(j).antiAffinityGroup(), need.antiAffinityGroup())) {
                return chain.get(j).name();
            }
        }
        return null;
    }
}
