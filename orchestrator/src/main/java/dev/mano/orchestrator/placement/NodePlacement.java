package dev.mano.orchestrator.placement;

import java.util.List;

/**
 * One guest NUMA node of a VNFC mapped onto one host cell.
 *
 * @param guestNode        guest NUMA node number (0-based)
 * @param hostCell         host NUMA cell (numatune strict nodeset, hugepage nodeset)
 * @param pmdCpus          host CPUs for this node's PMD vCPUs, in vCPU order (vcpupin)
 * @param siblingCpus      hyperthread siblings reserved with them (thread policy isolate): nothing runs there
 * @param housekeepingCpus the cell's non-isolated CPUs, shared: emulator threads and non-PMD vCPUs (emulatorpin)
 * @param pageSizeKib      hugepage size
 * @param pages            hugepages taken from this cell's pool
 * @param vfs              VFs whose PF sits on this cell
 */
public record NodePlacement(int guestNode, int hostCell, List<Integer> pmdCpus, List<Integer> siblingCpus,
                            List<Integer> housekeepingCpus, long pageSizeKib, long pages, List<VfAssignment> vfs) {
    public NodePlacement {
        pmdCpus = List.copyOf(pmdCpus);
        siblingCpus = List.copyOf(siblingCpus);
        housekeepingCpus = List.copyOf(housekeepingCpus);
        vfs = List.copyOf(vfs);
    }
}
