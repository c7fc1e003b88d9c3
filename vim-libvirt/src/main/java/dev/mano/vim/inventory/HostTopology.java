package dev.mano.vim.inventory;

import java.util.List;

/**
 * What one host offers for placement, as libvirt reports it: NUMA cells (CPUs, memory, hugepage pools)
 * and SR-IOV physical functions with their virtual functions.
 *
 * @param hostname          the host's name as libvirt reports it
 * @param cpuModel          host CPU model from the capabilities document (e.g. "Skylake-Server-IBRS")
 * @param kvm               true when the host can run {@code type='kvm'} domains, false when only TCG emulation works
 * @param cells             NUMA cells, ordered by id
 * @param physicalFunctions SR-IOV PFs (with their VFs), ordered by PCI address
 * @param nestedVirtualization the host is itself a virtual machine (its CPU has the {@code hypervisor} flag): guests
 *                          run under nested KVM, which refuses some CPU features (see CpuFeatureWorkarounds)
 */
public record HostTopology(String hostname, String cpuModel, boolean kvm, List<NumaCell> cells,
                           List<PhysicalFunction> physicalFunctions, boolean nestedVirtualization) {
    public HostTopology {
        cells = List.copyOf(cells);
        physicalFunctions = List.copyOf(physicalFunctions);
    }

    /** A bare-metal host. */
    public HostTopology(String hostname, String cpuModel, boolean kvm, List<NumaCell> cells, List<PhysicalFunction> physicalFunctions) {
        this(hostname, cpuModel, kvm, cells, physicalFunctions, false);
    }
}
