package dev.mano.orchestrator.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rest of a chain (from one VNFC to its end) needs in total. The planner uses it to prefer,
 * for the first VNFC of a run, a cell or host where the whole rest fits: then every later link is a
 * same-cell hop. A heuristic for weighing only; the exact check is per VNFC.
 */
final class ChainSuffix {
    final int wholeCores;
    final int threads;
    final long[] pageSizes;
    final long[] pages;
    final String[] networks;
    final int[] vfs;

    private ChainSuffix(int wholeCores, int threads, Map<Long, Long> pages, Map<String, Integer> vfs) {
        this.wholeCores = wholeCores;
        this.threads = threads;
        this.pageSizes = pages.keySet().stream().mapToLong(Long::longValue).toArray();
        this.pages = pages.values().stream().mapToLong(Long::longValue).toArray();
        this.networks = vfs.keySet().toArray(String[]::new);
        this.vfs = vfs.values().stream().mapToInt(Integer::intValue).toArray();
    }

    static ChainSuffix[] of(List<VnfcNeeds> chain) {
        ChainSuffix[] out = new ChainSuffix[chain.size()];
        int whole = 0;
        int threads = 0;
        Map<Long, Long> pages = new LinkedHashMap<>();
        Map<String, Integer> vfs = new LinkedHashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            VnfcNeeds n = chain.get(i);
            switch (n.threadPolicy()) {
                case ISOLATE -> whole += n.pmdCores();
                case REQUIRE -> whole += CellCapacity.ceilDiv(n.pmdCores(), 2);
                case PREFER -> threads += n.pmdCores();
            }
            pages.merge(n.hugepageSizeKib(), n.pages(), Long::sum);
            n.vfsPerNetwork().forEach((net, c) -> vfs.merge(net, c, Integer::sum));
            out[i] = new ChainSuffix(whole, threads, pages, vfs);
        }
        return out;
    }

    boolean fitsCell(CellCapacity c) {
        if (c.freeWholeCores < wholeCores || c.freeThreads < wholeCores * c.threadsPerCore + threads) {
            return false;
        }
        for (int i = 0; i < pageSizes.length; i++) {
            if (c.freePages(pageSizes[i]) < pages[i]) {
                return false;
            }
        }
        for (int i = 0; i < networks.length; i++) {
            if (c.freeVfs(networks[i]) < vfs[i]) {
                return false;
            }
        }
        return true;
    }

    boolean fitsHost(HostCapacity h) {
        int freeWhole = 0;
        int freeThreads = 0;
        int tpc = 1;
        for (CellCapacity c : h.cells()) {
            freeWhole += c.freeWholeCores;
            freeThreads += c.freeThreads;
            tpc = Math.max(tpc, c.threadsPerCore);
        }
        if (freeWhole < wholeCores || freeThreads < wholeCores * tpc + threads) {
            return false;
        }
        for (int i = 0; i < pageSizes.length; i++) {
            long free = 0;
            for (CellCapacity c : h.cells()) {
                free += c.freePages(pageSizes[i]);
            }
            if (free < pages[i]) {
                return false;
            }
        }
        for (int i = 0; i < networks.length; i++) {
            int free = 0;
            for (CellCapacity c : h.cells()) {
                free += c.freeVfs(networks[i]);
            }
            if (free < vfs[i]) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.concurrent.ConcurrentHashMap<Long, List<int[]>> COMBINATIONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The same as {@link #combinations}, computed once per (n, k); callers must not modify the arrays. */
    static List<int[]> combinationsCached(int n, int k) {
        return COMBINATIONS.computeIfAbsent(((long) n << 32) | k, key -> List.copyOf(combinations(n, k)));
    }

    static List<int[]> combinations(int n, int k) {
        List<int[]> out = new ArrayList<>();
        combine(n, k, 0, new int[k], 0, out);
        return out;
    }

    private static void combine(int n, int k, int start, int[] buf, int depth, List<int[]> out) {
        if (depth == k) {
            out.add(buf.clone());
            return;
        }
        for (int i = start; i < n; i++) {
            buf[depth] = i;
            combine(n, k, i + 1, buf, depth + 1, out);
        }
    }
}
