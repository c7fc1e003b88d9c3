package dev.mano.vim.domain;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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
 * @param firmwareConfig   QEMU fw_cfg entries the guest reads from /sys/firmware/qemu_fw_cfg/by_name (name must start
 *                         with {@code opt/}): how a VNFC gets its day-1 configuration at boot, without a disk or a
 *                         network, and again after every restart or heal since it lives in the domain definition
 */
public record DomainSpec(String name, UUID uuid, VnfcMetadata metadata, VirtType virtType, List<VcpuPin> vcpuPins,
                         List<Integer> emulatorCpus, long memoryMib, HugepageBacking hugepages,
                         List<GuestNumaCell> guestCells, List<Integer> numaNodeset, Boot boot,
                         List<NetInterface> interfaces, String agentSocketPath, String consoleLogPath,
                         List<String> disabledCpuFeatures, Map<String, String> firmwareConfig) {
    /** fw_cfg blobs are copied into guest memory: a config, not a disk image. */
    public static final int MAX_FIRMWARE_CONFIG_BYTES = 64 * 1024;

    public DomainSpec(String name, UUID uuid, VnfcMetadata metadata, VirtType virtType, List<VcpuPin> vcpuPins,
                      List<Integer> emulatorCpus, long memoryMib, HugepageBacking hugepages,
                      List<GuestNumaCell> guestCells, List<Integer> numaNodeset, Boot boot,
                      List<NetInterface> interfaces, String agentSocketPath, String consoleLogPath,
                      List<String> disabledCpuFeatures) {
        this(name, uuid, metadata, virtType, vcpuPins, emulatorCpus, memoryMib, hugepages, guestCells, numaNodeset, boot,
                interfaces, agentSocketPath, consoleLogPath, disabledCpuFeatures, Map.of());
    }

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
        firmwareConfig = Collections.unmodifiableMap(new TreeMap<>(firmwareConfig));
        for (Map.Entry<String, String> entry : firmwareConfig.entrySet()) {
            if (!entry.getKey().matches("opt/[A-Za-z0-9._/-]{1,50}")) {
                throw new IllegalArgumentException("domain " + name + ": fw_cfg entry name '" + entry.getKey()
                        + "' must be opt/ followed by up to 50 of [A-Za-z0-9._/-]");
            }
            if (entry.getValue().indexOf(',') >= 0) {
                // libvirt 9 hands the value to QEMU as -fw_cfg name=...,string=VALUE without escaping: a comma ends it
                throw new IllegalArgumentException("domain " + name + ": fw_cfg entry " + entry.getKey()
                        + " contains a comma, which QEMU's option syntax cannot take here; encode it (base64)");
            }
            if (entry.getValue().getBytes(StandardCharsets.UTF_8).length > MAX_FIRMWARE_CONFIG_BYTES) {
                throw new IllegalArgumentException("domain " + name + ": fw_cfg entry " + entry.getKey() + " is larger than "
                        + MAX_FIRMWARE_CONFIG_BYTES + " bytes");
            }
        }
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
