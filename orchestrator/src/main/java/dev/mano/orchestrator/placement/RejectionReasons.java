package dev.mano.orchestrator.placement;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a VNFC fits nowhere, per host and cell, in words a person can act on
 * ("host-3 cell 1: 2 free whole isolated cores, needs 4 (thread policy isolate)"). Only runs on
 * the rejection path, so it may be slow and allocate.
 */
final class RejectionReasons {
    /** A rejection lists at most this many lines; the rest is counted. */
    static final int MAX_LINES = 64;

    private RejectionReasons() {}

    static PlanOutcome.Rejected explain(CapacitySnapshot snapshot, PlacementRequest request, VnfcNeeds need, Demand demand,
                                        List<Taken> placed, int index) {
        List<VnfcNeeds> chain = request.chain();
        List<String> lines = new ArrayList<>();
        boolean fitsSomewhereWhenEmpty = false;
        String prefix = chain.size() > 1 ? "'" + need.name() + "' (" + (index + 1) + " of " + chain.size() + "): " : "";
        for (HostCapacity h : snapshot.hosts()) {
            if (!request.allows(h)) {
                continue; // not a candidate: its reasons would only hide the ones that count
            }
            fitsSomewhereWhenEmpty |= fitsWhenEmpty(h, demand);
            if (!h.ready()) {
                lines.add(prefix + h.name() + ": not ready (" + h.stateReason() + ")");
                continue;
            }
            String holder = Planner.antiAffinityHolder(h, need, chain, placed);
            if (holder != null) {
                lines.add(prefix + h.name() + ": already holds '" + holder + "' of anti-affinity group '"
                        + need.antiAffinityGroup() + "'");
                continue;
            }
            if (h.cells().length < demand.nodes) {
                lines.add(prefix + h.name() + ": " + h.cells().length + " NUMA cell(s), needs " + demand.nodes
                        + " for " + demand.nodes + " guest NUMA nodes");
                continue;
            }
            for (CellCapacity c : h.cells()) {
                String s = shortfall(c, demand.nodes == 1 ? demand.pmd : demand.pmdOfNode(0), demand.policy,
                        demand.pageSizeKib, demand.nodes == 1 ? demand.pages : demand.pagesOfNode(0),
                        demand.nodes == 1 ? demand : null, false);
                if (s != null) {
                    lines.add(prefix + h.name() + " cell " + c.id + ": " + s);
                }
            }
            if (demand.nodes > 1) {
                lines.add(prefix + h.name() + ": no " + demand.nodes + " cells with the VFs and the split share each");
            }
        }
        if (snapshot.hosts().isEmpty()) {
            lines.add("no hosts are registered (POST /vim/v1/hosts)");
        } else if (!request.onlyHosts().isEmpty()) {
            lines.add("only " + snapshot.hosts().stream().filter(request::allows).map(HostCapacity::name).sorted().toList()
                    + " may take it");
        }
        if (!placed.isEmpty()) {
            lines.add("(figures count the resources the chain's earlier VNFCs would take)");
        }
        if (lines.size() > MAX_LINES) {
            int more = lines.size() - MAX_LINES;
            lines = new ArrayList<>(lines.subList(0, MAX_LINES));
            lines.add("... and " + more + " more");
        }
        return new PlanOutcome.Rejected(need.name(), !fitsSomewhereWhenEmpty, lines);
    }

    private static boolean fitsWhenEmpty(HostCapacity h, Demand demand) {
        if (h.cells().length < demand.nodes) {
            return false;
        }
        int vfsOk = 0;
        for (int i = 0; i < demand.networks.length; i++) {
            int total = 0;
            for (CellCapacity c : h.cells()) {
                int n = c.networkIndex(demand.networks[i]);
                total += n < 0 ? 0 : c.vfs[n].length;
            }
            if (total >= demand.vfs[i]) {
                vfsOk++;
            }
        }
        if (vfsOk < demand.networks.length) {
            return false;
        }
        int cellsOk = 0;
        for (CellCapacity c : h.cells()) {
            if (shortfall(c, demand.pmdOfNode(0), demand.policy, demand.pageSizeKib, demand.pagesOfNode(0),
                    demand.nodes == 1 ? demand : null, true) == null) {
                cellsOk++;
            }
        }
        return cellsOk >= demand.nodes;
    }

    /** What {@code c} lacks for the given share, or null; {@code whenEmpty} compares with capacity instead of free. */
    static String shortfall(CellCapacity c, int pmd, ThreadPolicy policy, long pageSizeKib, long pages,
                            Demand vfDemand, boolean whenEmpty) {
        if (pmd > 0) {
            if (c.totalIsolatedThreads == 0) {
                return "no isolated CPUs (register the host with isolatedCpus)";
            }
            int whole = whenEmpty ? c.totalWholeCores : c.freeWholeCores;
            int threads = whenEmpty ? c.totalIsolatedThreads : c.freeThreads;
            switch (policy) {
                case ISOLATE -> {
                    if (whole < pmd) {
                        return whole + " free whole isolated cores, needs " + pmd + " (thread policy isolate)";
                    }
                }
                case REQUIRE -> {
                    if (c.threadsPerCore < 2) {
                        return "no hyperthread siblings (thread policy require needs SMT)";
                    }
                    int cores = CellCapacity.ceilDiv(pmd, c.threadsPerCore);
                    if (whole < cores) {
                        return whole + " free whole isolated cores, needs " + cores + " (thread policy require)";
                    }
                }
                case PREFER -> {
                    if (threads < pmd) {
                        return threads + " free isolated CPUs, needs " + pmd;
                    }
                }
            }
        }
        int pool = c.poolIndex(pageSizeKib);
        if (pool < 0) {
            return "no " + pageSize(pageSizeKib) + " hugepage pool";
        }
        long freePages = whenEmpty ? c.poolTotal[pool] : c.poolFree[pool];
        if (freePages < pages) {
            return freePages + " free " + pageSize(pageSizeKib) + " hugepages, needs " + pages;
        }
        if (vfDemand != null) {
            for (int i = 0; i < vfDemand.networks.length; i++) {
                int n = c.networkIndex(vfDemand.networks[i]);
                int free = n < 0 ? 0 : whenEmpty ? c.vfs[n].length : c.freeVfs[n];
                if (free < vfDemand.vfs[i]) {
                    return free + " free VFs on physical network '" + vfDemand.networks[i] + "', needs " + vfDemand.vfs[i];
                }
            }
        }
        return null;
    }

    static String pageSize(long kib) {
        if (kib % (1024 * 1024) == 0) {
            return kib / (1024 * 1024) + "G";
        }
        if (kib % 1024 == 0) {
            return kib / 1024 + "M";
        }
        return kib + "K";
    }
}
