package dev.mano.vim.domain;

import java.util.List;
import java.util.UUID;

/** Domain specs used across tests. */
public final class SampleSpecs {
    private SampleSpecs() {
    }

    /** Every feature at once: 4 vCPUs over two guest cells on host cells 0 and 1, 1 GiB pages, VF + vhost-user + bridge. */
    public static DomainSpec fullKvm() {
        return new DomainSpec("vnfc-fw-0", UUID.fromString("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"),
                new VnfcMetadata("vnfc-1", "vnf-7", "ns-3"), VirtType.KVM,
                List.of(new VcpuPin(0, List.of(2)), new VcpuPin(1, List.of(3)), new VcpuPin(2, List.of(18)), new VcpuPin(3, List.of(19))),
                List.of(0, 16), 4096, new HugepageBacking(1048576, List.of()),
                List.of(new GuestNumaCell(0, List.of(0, 1), 2048, 0), new GuestNumaCell(1, List.of(2, 3), 2048, 1)),
                List.of(), new Boot.Kernel("/var/lib/mano/images/vnf/vmlinuz", "/var/lib/mano/images/vnf/initrd.img",
                "console=ttyS0 isolcpus=1-3 hugepagesz=1G"),
                List.of(new NetInterface.SriovVf("0000:3b:02.1", 100, "52:54:00:aa:00:01"),
                        new NetInterface.VhostUser("/run/mano/vhu/fw-0-nat-0.sock", NetInterface.VhostUserMode.SERVER, "52:54:00:aa:00:02"),
                        new NetInterface.Bridge("br-mgmt", null)),
                "/run/mano/agent/vnfc-1.sock", "/var/log/mano/vnfc-1.console.log", List.of());
    }

    /** A small guest for TCG with a disk and a libvirt network, no hugepages, pinned to host CPU 1. */
    public static DomainSpec smallTcg(String name, VnfcMetadata metadata) {
        return new DomainSpec(name, UUID.nameUUIDFromBytes(name.getBytes()), metadata, VirtType.TCG,
                List.of(new VcpuPin(0, List.of(1))), List.of(0), 128, null, List.of(), List.of(0),
                new Boot.Firmware(), List.of(), null, null, List.of());
    }
}
