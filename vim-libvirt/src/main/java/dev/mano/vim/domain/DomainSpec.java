package dev.mano.vim.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Everything we put in a VNFC's domain. {@link DomainXmlWriter} turns it into libvirt XML.
 *
 * @param vcpuPins         one entry per vCPU, vCPUs numbered 0..n-1
 * @param emulatorCpus     host CPUs for QEMU's emulator threads (housekeeping cores); empty = not pinned
 * @param hugepages        null = ordinary memory
 * @param guestCells       empty = no guest NUMA topology
 * @param numaNodeset      host cells guest memory must come from (numatune strict); empty = not bound
 * @param agentSocketPath  host side of the virtio-serial channel {@value DomainXmlWriter#AGENT_CHANNEL}; null = none
 * @param consoleLogPath   file the serial console is logged to; null = console not logged
 * @param disabledCpuFeatures CPU features taken away from the guest CPU (see {@link CpuFeatureWorkarounds})
 */
public record DomainSpec(String name, UUID uuid, VnfcMetadata metadata, VirtType virtType, List<VcpuPin> vcpuPins,
                         List<Integer> emulatorCpus, long memoryMib, HugepageBacking hugepages,
                         List<GuestNumaCell> guestCells, List<Integer> numaNodeset, Boot boot,
                         List<NetInterface> interfaces, String agentSocketPath, String consoleLogPath,
                         List<String> disabledCpuFeatures) {
    public DomainSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(virtType, "virtType");
        Objects.requireNonNull(boot, "boot");
        if (name.isBlank()) {
            throw new IllegalArgumentException("domain name is blank");
        }
        vcpuPins = List.copyOf(vcpuPins);
        emulatorCpus = List.copyOf(emulatorCpus);
        guestCells = List.copyOf(guestCells);
        numaNodeset = List.copyOf(numaNodeset);
        interfaces = List.copyOf(interfaces);
        disabledCpuFeatures = List.copyOf(disabledCpuFeatures);
        if (vcpuPins.isEmpty()) {
            throw new IllegalArgumentException("domain " + name + " has no vCPUs");
        }
        for (int i = 0; i < vcpuPins.size(); i++) {
            if (vcpuPins.get(i).vcpu() != i) {
                throw new IllegalArgumentException("domain " + name + ": vCPU pins must be listed for vCPU 0.." + (vcpuPins.size() - 1) + " in order");
            }
        }
        if (memoryMib <= 0) {
            throw new IllegalArgumentException("domain " + name + " has no memory");
        }
        if (!guestCells.isEmpty()) {
            Set<Integer> covered = new HashSet<>();
            long cellMemory = 0;
            for (GuestNumaCell cell : guestCells) {
                covered.addAll(cell.vcpus());
                cellMemory += cell.memoryMib();
            }
            if (covered.size() != vcpuPins.size() || cellMemory != memoryMib) {
                throw new IllegalArgumentException("domain " + name + ": guest NUMA cells must cover every vCPU once and add up to "
                        + memoryMib + " MiB");
            }
        }
        boolean vhostUser = interfaces.stream().anyMatch(i -> i instanceof NetInterface.VhostUser);
        if (vhostUser && hugepages == null) {
            throw new IllegalArgumentException("domain " + name + ": vhost-user ports need hugepage-backed (shared) memory");
        }
    }

    public int vcpus() {
        return vcpuPins.size();
    }

    /** Whether QEMU must map guest memory shared (vhost-user peers read it directly). */
    public boolean sharedMemory() {
        return interfaces.stream().anyMatch(i -> i instanceof NetInterface.VhostUser);
    }
}
