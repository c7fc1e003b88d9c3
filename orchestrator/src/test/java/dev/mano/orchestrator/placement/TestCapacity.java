package dev.mano.orchestrator.placement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds planner working copies in the same shape {@code SimulatedHostFiles} and the snapshot reader
 * produce: CPU n's sibling is n + cells * coresPerCell; the first {@code housekeepingCores} cores of
 * every cell are not isolated.
 */
final class TestCapacity {
    private TestCapacity() {}

    static HostCapacity host(String name, int cells, int coresPerCell, int threads, int housekeepingCores,
                             Map<Long, Long> pagesPerCell, Map<String, Integer> vfsPerNetworkPerCell) {
        List<CellCapacity> out = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            List<PhysicalCore> cores = new ArrayList<>();
            List<Integer> housekeeping = new ArrayList<>();
            for (int k = 0; k < coresPerCell; k++) {
                int[] cpus = new int[threads];
                boolean[] isolated = new boolean[threads];
                boolean[] free = new boolean[threads];
                for (int t = 0; t < threads; t++) {
                    cpus[t] = t * cells * coresPerCell + c * coresPerCell + k;
                    isolated[t] = k >= housekeepingCores;
                    free[t] = true;
                    if (!isolated[t]) {
                        housekeeping.add(cpus[t]);
                    }
                }
                if (k >= housekeepingCores) {
                    cores.add(new PhysicalCore(cpus, isolated, free));
                }
            }
            long[] sizes = pagesPerCell.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            long[] totals = new long[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                totals[i] = pagesPerCell.get(sizes[i]);
            }
            Map<String, List<VfSlot>> vfs = new LinkedHashMap<>();
            int cell = c;
            vfsPerNetworkPerCell.forEach((net, n) -> {
                List<VfSlot> slots = new ArrayList<>();
                for (int v = 0; v < n; v++) {
                    slots.add(new VfSlot(String.format("0000:%02x:02.%d", 0x18 + cell * 0x40, v), "0000:18:00.0", net, true));
                }
                vfs.put(net, slots);
            });
            out.add(new CellCapacity(c, cores, housekeeping.stream().mapToInt(Integer::intValue).sorted().toArray(),
                    sizes, totals, totals.clone(), vfs));
        }
        return new HostCapacity(UUID.nameUUIDFromBytes(name.getBytes()), name, true, null, out);
    }

    static VnfcNeeds vnfc(String name, int pmd, ThreadPolicy policy, long memoryMib, Map<String, Integer> vfs) {
        return new VnfcNeeds(null, name, pmd + 1, pmd, policy, memoryMib, 2048, 1, vfs, 0, null);
    }
}
