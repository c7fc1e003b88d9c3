package dev.mano.orchestrator.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One NUMA cell in the planner's working copy. Counters (free threads, free whole cores, free pages,
 * free VFs per network) make the filter O(1) per cell; the concrete CPUs and VFs are only picked for
 * the cell that wins.
 */
final class CellCapacity {
    final int id;
    final PhysicalCore[] cores;
    final int[] housekeeping;
    final int threadsPerCore;
    final int totalIsolatedThreads;
    final int totalWholeCores;
    int freeThreads;
    int freeWholeCores;

    final long[] pageSizes;
    final long[] poolTotal;
    final long[] poolFree;

    final String[] networks;
    final VfSlot[][] vfs;
    final int[] freeVfs;

    private final Map<Integer, PhysicalCore> coreOfCpu = new java.util.HashMap<>();

    CellCapacity(int id, List<PhysicalCore> cores, int[] housekeeping, long[] pageSizes, long[] poolTotal,
                 long[] poolFree, Map<String, List<VfSlot>> vfsByNetwork) {
        this.id = id;
        this.cores = cores.toArray(PhysicalCore[]::new);
        this.housekeeping = housekeeping;
        this.pageSizes = pageSizes;
        this.poolTotal = poolTotal;
        this.poolFree = poolFree;
        int tpc = 1;
        int isolatedThreads = 0;
        int whole = 0;
        for (PhysicalCore c : this.cores) {
            tpc = Math.max(tpc, c.cpus.length);
            isolatedThreads += c.isolatedCount();
            freeThreads += c.freeIsolated;
            if (c.allIsolated) {
                whole++;
            }
            if (c.wholeFree()) {
                freeWholeCores++;
            }
            for (int cpu : c.cpus) {
                coreOfCpu.put(cpu, c);
            }
        }
        this.threadsPerCore = tpc;
        this.totalIsolatedThreads = isolatedThreads;
        this.totalWholeCores = whole;
        Map<String, List<VfSlot>> byNet = new LinkedHashMap<>(vfsByNetwork);
        this.networks = byNet.keySet().stream().map(String::intern).toArray(String[]::new);
        this.vfs = new VfSlot[networks.length][];
        this.freeVfs = new int[networks.length];
        for (int i = 0; i < networks.length; i++) {
            vfs[i] = byNet.get(networks[i]).toArray(VfSlot[]::new);
            for (VfSlot v : vfs[i]) {
                if (v.free) {
                    freeVfs[i]++;
                }
            }
        }
    }

    int poolIndex(long pageSizeKib) {
        for (int i = 0; i < pageSizes.length; i++) {
            if (pageSizes[i] == pageSizeKib) {
                return i;
            }
        }
        return -1;
    }

    int networkIndex(String network) {
        for (int i = 0; i < networks.length; i++) {
            if (networks[i] == network) { // both interned: the filter's hot path
                return i;
            }
        }
        for (int i = 0; i < networks.length; i++) {
            if (networks[i].equals(network)) {
                return i;
            }
        }
        return -1;
    }

    long freePages(long pageSizeKib) {
        int i = poolIndex(pageSizeKib);
        return i < 0 ? 0 : poolFree[i];
    }

    int freeVfs(String network) {
        int i = networkIndex(network);
        return i < 0 ? 0 : freeVfs[i];
    }

    /** Whole free cores a thread policy needs for {@code pmd} PMD vCPUs; threads for PREFER. */
    boolean fitsCpus(int pmd, ThreadPolicy policy) {
        if (pmd == 0) {
            return true;
        }
        return switch (policy) {
            case ISOLATE -> freeWholeCores >= pmd;
            case REQUIRE -> threadsPerCore > 1 && freeWholeCores >= ceilDiv(pmd, threadsPerCore);
            case PREFER -> freeThreads >= pmd;
        };
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** CPUs taken for PMD vCPUs and the siblings reserved with them. */
    record TakenCpus(List<Integer> pmd, List<Integer> siblings) {}

    TakenCpus takeCpus(int pmd, ThreadPolicy policy) {
        List<Integer> pmdCpus = new ArrayList<>(pmd);
        List<Integer> siblings = new ArrayList<>();
        if (pmd == 0) {
            return new TakenCpus(pmdCpus, siblings);
        }
        switch (policy) {
            case ISOLATE -> {
                for (PhysicalCore c : cores) {
                    if (pmdCpus.size() == pmd) {
                        break;
                    }
                    if (c.wholeFree()) {
                        pmdCpus.add(c.cpus[0]);
                        for (int t = 1; t < c.cpus.length; t++) {
                            siblings.add(c.cpus[t]);
                        }
                        takeWhole(c);
                    }
                }
            }
            case REQUIRE -> {
                for (PhysicalCore c : cores) {
                    if (pmdCpus.size() == pmd) {
                        break;
                    }
                    if (c.wholeFree()) {
                        for (int t = 0; t < c.cpus.length && pmdCpus.size() < pmd; t++) {
                            pmdCpus.add(c.cpus[t]);
                            take(c, t);
                        }
                    }
                }
            }
            case PREFER -> {
                // Leftover threads of partly used cores first: they are useless to isolate/require.
                for (int pass = 0; pass < 2 && pmdCpus.size() < pmd; pass++) {
                    for (PhysicalCore c : cores) {
                        if (pmdCpus.size() == pmd) {
                            break;
                        }
                        if (pass == 0 ? !c.partlyUsed() : c.freeIsolated == 0) {
                            continue;
                        }
                        for (int t = 0; t < c.cpus.length && pmdCpus.size() < pmd; t++) {
                            if (c.isolated[t] && c.free[t]) {
                                pmdCpus.add(c.cpus[t]);
                                take(c, t);
                            }
                        }
                    }
                }
            }
        }
        if (pmdCpus.size() != pmd) {
            throw new IllegalStateException("cell " + id + " passed the filter but has no " + pmd + " CPUs");
        }
        return new TakenCpus(pmdCpus, siblings);
    }

    private void takeWhole(PhysicalCore c) {
        for (int t = 0; t < c.cpus.length; t++) {
            take(c, t);
        }
    }

    private void take(PhysicalCore c, int t) {
        boolean wasWhole = c.wholeFree();
        c.free[t] = false;
        c.freeIsolated--;
        freeThreads--;
        if (wasWhole) {
            freeWholeCores--;
        }
    }

    void returnCpus(List<Integer> cpus) {
        for (int cpu : cpus) {
            PhysicalCore c = coreOfCpu.get(cpu);
            int t = indexOf(c.cpus, cpu);
            if (c.free[t]) {
                throw new IllegalStateException("CPU " + cpu + " returned twice");
            }
            c.free[t] = true;
            c.freeIsolated++;
            freeThreads++;
            if (c.wholeFree()) {
                freeWholeCores++;
            }
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException("CPU " + v + " not in " + Arrays.toString(a));
    }

    void takePages(long pageSizeKib, long pages) {
        int i = poolIndex(pageSizeKib);
        if (pages > 0 && (i < 0 || poolFree[i] < pages)) {
            throw new IllegalStateException("cell " + id + " passed the filter but lacks " + pages + " pages");
        }
        if (i >= 0) {
            poolFree[i] -= pages;
        }
    }

    void returnPages(long pageSizeKib, long pages) {
        int i = poolIndex(pageSizeKib);
        if (i >= 0) {
            poolFree[i] += pages;
        }
    }

    List<VfSlot> takeVfs(String network, int count) {
        List<VfSlot> taken = new ArrayList<>(count);
        int n = networkIndex(network);
        if (n < 0) {
            return taken;
        }
        for (VfSlot v : vfs[n]) {
            if (taken.size() == count) {
                break;
            }
            if (v.free) {
                v.free = false;
                freeVfs[n]--;
                taken.add(v);
            }
        }
        return taken;
    }

    void returnVf(VfSlot v) {
        v.free = true;
        freeVfs[networkIndex(v.physicalNetwork)]++;
    }

    private List<Integer> housekeepingList;

    List<Integer> housekeepingCpus() {
        if (housekeepingList == null) {
            housekeepingList = Arrays.stream(housekeeping).boxed().toList();
        }
        return housekeepingList;
    }
}
