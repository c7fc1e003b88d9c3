package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.catalog.vnfd.ConnectionPoint;
import dev.mano.orchestrator.catalog.vnfd.InterfaceType;
import dev.mano.orchestrator.catalog.vnfd.Vdu;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.placement.NodePlacement;
import dev.mano.orchestrator.placement.VfAssignment;
import dev.mano.orchestrator.placement.VnfcPlacement;
import dev.mano.vim.domain.Boot;
import dev.mano.vim.domain.DomainSpec;
import dev.mano.vim.domain.GuestNumaCell;
import dev.mano.vim.domain.HugepageBacking;
import dev.mano.vim.domain.NetInterface;
import dev.mano.vim.domain.VcpuPin;
import dev.mano.vim.domain.VirtType;
import dev.mano.vim.domain.VnfcMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.mano.orchestrator.network.ChainPorts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a placed VNFC into the domain libvirt runs: PMD vCPUs pinned one-to-one on the isolated
 * CPUs the ledger gave it, the other vCPUs and QEMU's emulator threads on the cell's
 * housekeeping CPUs, memory from hugepages of the placed cells (numatune strict), the VFs the
 * ledger gave it (tagged with their chain segment's VLAN when the NS wired them), taps on the chain's
 * bridge segments, and the agent channel.
 */
@Component
class DomainSpecs {
    private static final Logger log = LoggerFactory.getLogger(DomainSpecs.class);
    private final VnfLcmProperties props;
    private final boolean forceTcg;
    private final boolean lockMemory;

    /**
     * @param virtType {@code auto} (KVM where the host's inventory offers it) or {@code tcg}: hosts that are
     *                 themselves VMs may offer a nested KVM that does not boot the image (see vnf-images/README.md)
     * @param lockMemory {@code <locked/>} guest memory, what a PMD guest wants; libvirtd needs CAP_SYS_RESOURCE
     *                   to raise QEMU's RLIMIT_MEMLOCK, which a libvirtd in a container may lack
     */
    DomainSpecs(VnfLcmProperties props, @Value("${mano.vnflcm.virt-type:auto}") String virtType,
                @Value("${mano.vnflcm.lock-guest-memory:true}") boolean lockMemory) {
        this.props = props;
        this.lockMemory = lockMemory;
        if (!virtType.equals("auto") && !virtType.equals("tcg")) {
            throw new IllegalArgumentException("mano.vnflcm.virt-type must be auto or tcg, not " + virtType);
        }
        this.forceTcg = virtType.equals("tcg");
    }

    /** Whether a VNFC on a host that does (or does not) offer KVM runs under KVM rather than TCG. */
    boolean kvm(boolean hostOffersKvm) {
        return hostOffersKvm && !forceTcg;
    }

    DomainSpec build(String domainName, UUID vnfInstanceId, UUID nsInstanceId, Vnfd vnfd, Vdu vdu,
                     VnfcPlacement placed, boolean hostOffersKvm, GuestSetup guest) {
        boolean kvm = kvm(hostOffersKvm);
        createRunDirectories();
        int vcpus = vdu.compute().vcpus();
        int pmd = vdu.compute().pmdLcores();
        List<NodePlacement> nodes = placed.nodes();

        List<Integer> pmdCpus = nodes.stream().flatMap(n -> n.pmdCpus().stream()).toList();
        List<Integer> housekeeping = nodes.stream().flatMap(n -> n.housekeepingCpus().stream()).distinct().toList();
        List<Integer> floating = housekeeping.isEmpty() ? pmdCpus : housekeeping;
        List<VcpuPin> pins = IntStream.range(0, vcpus)
                .mapToObj(v -> new VcpuPin(v, v < pmdCpus.size() ? List.of(pmdCpus.get(v)) : floating))
                .toList();

        long memoryMib = vdu.compute().memoryBytes() >> 20;
        List<GuestNumaCell> guestCells = nodes.size() <= 1 ? List.of() : guestCells(nodes, vcpus, pmd, memoryMib);
        long pageKib = nodes.getFirst().pageSizeKib();
        HugepageBacking hugepages = pageKib > 4 ? new HugepageBacking(pageKib, List.of(), lockMemory) : null;

        List<NetInterface> interfaces = interfaces(vnfd.connectionPointsOf(vdu.id()), placed, guest);
        return new DomainSpec(domainName, placed.vnfcId(),
                new VnfcMetadata(placed.vnfcId().toString(), vnfInstanceId.toString(),
                        nsInstanceId == null ? null : nsInstanceId.toString()),
                kvm ? VirtType.KVM : VirtType.TCG, pins, housekeeping, memoryMib, hugepages, guestCells,
                nodes.stream().map(NodePlacement::hostCell).distinct().toList(), boot(domainName, vnfd, memoryMib), interfaces,
                runPath("agents", placed.vnfcId() + ".sock"), runPath("console", domainName + ".log"),
                disabledCpuFeatures(kvm), guest.firmwareConfig());
    }

    /**
     * The guest's NICs. Wired by an NS: its data ports in port order, each a tap on the segment's network, a
     * vhost-user client of the chain switch's socket, or the VF placement gave the data CP at that position with
     * the segment's VLAN (network.ChainPorts says which
     * CP is which port), then the VFs of sriov-vf CPs that are no chain port, untagged. Not wired: every VF
     * untagged, and a vhost-user socket per vhost-user CP.
     *
     * <p>A tap on port 0 is an isolated bridge port ({@code <port isolated='yes'/>}): it reaches only the
     * bridge's non-isolated ports (the member before's port 1 taps, an access point's operator port), never
     * another isolated one. Why: a scaled-out pass-through member (the firewall) has every copy between the
     * same two bridges, and a flooded frame would go A -> fw1 -> B -> fw2 -> A -> ... forever (STP cannot
     * break it: the firewall drops the BPDUs, which are not IPv4). With port 0 isolated no frame can go round:
     * take the lowest segment S_k a cycle passes through; the cycle enters and leaves S_k through VNFCs whose
     * other side is S_k+1 (nothing lower is on it), i.e. two copies of member k, whose port 0 taps on S_k
     * are both isolated, so S_k never passes the frame between them. On a chain A -> B, both scaled out:
     * S0 -> a1 -> S1 -> a2 -> S0 ends at S0 (a2's port 0 reaches only the operator, not a1), and
     * S1 -> b1 -> S2 -> b2 -> S1 ends at S1 (b2's port 0 reaches a1's and a2's port 1, not b1), which
     * pass it back to the operator on S0 and stop there. What is left while a destination MAC is unknown to
     * a bridge: it floods, so every copy gets the frame (the egress gets one per path, 2 x 2 here) and some
     * come back to the sender's side once (a2 passes a1's frame back to S0), until the bridges learn it.
     * The dataNetworks form is the same ports (GuestSetup), so it gets the same rule: port 0 faces upstream.
     */
    List<NetInterface> interfaces(List<ConnectionPoint> cps, VnfcPlacement placed, GuestSetup guest) {
        List<NetInterface> interfaces = new ArrayList<>();
        List<VfAssignment> vfs = placed.nodes().stream().flatMap(n -> n.vfs().stream()).toList();
        if (guest.dataPorts().isEmpty()) {
            interfaces.addAll(vfs.stream().map(vf -> (NetInterface) new NetInterface.SriovVf(vf.pciAddress(), null, null)).toList());
            for (ConnectionPoint cp : cps) {
                if (cp.interfaceType() == InterfaceType.VHOST_USER) {
                    interfaces.add(new NetInterface.VhostUser(runPath("vhost", placed.vnfcId() + "-" + safe(cp.id()) + ".sock"),
                            NetInterface.VhostUserMode.SERVER, null));
                }
            }
            return interfaces;
        }
        Map<String, VfAssignment> vfOf = ChainPorts.vfsByCp(cps, vfs);
        List<ConnectionPoint> data = ChainPorts.dataCps(cps);
        Set<String> chained = new HashSet<>();
        for (int port = 0; port < guest.dataPorts().size(); port++) {
            String mac = mac(placed.vnfcId(), port);
            switch (guest.dataPorts().get(port)) {
                case GuestSetup.DataPort.Network n -> interfaces.add(new NetInterface.Network(n.name(), mac, port == 0));
                case GuestSetup.DataPort.VhostUser v -> interfaces.add(new NetInterface.VhostUser(v.socket(), NetInterface.VhostUserMode.CLIENT, mac));
                case GuestSetup.DataPort.Vf v -> {
                    ConnectionPoint cp = port < data.size() ? data.get(port) : null;
                    VfAssignment vf = cp == null ? null : vfOf.get(cp.id());
                    if (vf == null || !vf.physicalNetwork().equals(v.physicalNetwork())) {
                        throw new IllegalStateException("data port " + port + " of VNFC " + placed.name() + " is wired to VLAN " + v.vlan()
                                + " on " + v.physicalNetwork() + ", but " + (cp == null ? "the VDU declares no data CP there"
                                : vf == null ? "placement gave CP " + cp.id() + " no VF" : "CP " + cp.id() + "'s VF is on " + vf.physicalNetwork()));
                    }
                    chained.add(cp.id());
                    interfaces.add(new NetInterface.SriovVf(vf.pciAddress(), v.vlan(), mac));
                }
            }
        }
        vfOf.forEach((cp, vf) -> {
            if (!chained.contains(cp)) interfaces.add(new NetInterface.SriovVf(vf.pciAddress(), null, null));
        });
        return interfaces;
    }

    /**
     * A data port's MAC, the same every time the VNFC's domain is defined (a heal that redefines it keeps the
     * neighbours' ARP entries and static next hops valid). Locally administered, under QEMU's 52:54:00 prefix.
     */
    static String mac(UUID vnfcId, int port) {
        long bits = vnfcId.getLeastSignificantBits() ^ vnfcId.getMostSignificantBits();
        int low = (int) ((bits ^ (bits >>> 24)) & 0xFFFF) << 8 | (port & 0xFF);
        return String.format("52:54:00:%02x:%02x:%02x", (low >> 16) & 0xFF, (low >> 8) & 0xFF, low & 0xFF);
    }

    /** Splits vCPUs and memory evenly over the guest nodes, PMD vCPUs first as placed. */
    private static List<GuestNumaCell> guestCells(List<NodePlacement> nodes, int vcpus, int pmd, long memoryMib) {
        List<GuestNumaCell> cells = new ArrayList<>();
        int n = nodes.size();
        List<List<Integer>> perNode = new ArrayList<>();
        for (int i = 0; i < n; i++) perNode.add(new ArrayList<>());
        int next = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nodes.get(i).pmdCpus().size(); k++) perNode.get(i).add(next++);
        }
        for (int v = next; v < vcpus; v++) perNode.get(v % n).add(v);
        long base = memoryMib / n;
        for (int i = 0; i < n; i++) {
            long mem = i == n - 1 ? memoryMib - base * (n - 1) : base;
            cells.add(new GuestNumaCell(i, perNode.get(i), mem, nodes.get(i).hostCell()));
        }
        return cells;
    }

    /**
     * The inventory stored per host does not yet say whether KVM is nested, so KVM guests always
     * lose {@code arch-capabilities} (see CpuFeatureWorkarounds): harmless on bare metal, and
     * without it a nested host cannot start them at all.
     */
    private static List<String> disabledCpuFeatures(boolean kvm) {
        return kvm ? List.of("arch-capabilities") : List.of();
    }

    /**
     * The image (vnf-images) reads its VNF type and its DPDK hugepage reservation from the kernel command line;
     * the VNF's own settings come later over the agent channel (day-1 config).
     */
    private Boot boot(String domainName, Vnfd vnfd, long memoryMib) {
        if (props.imageKernel().isBlank()) {
            return new Boot.Firmware();
        }
        return new Boot.Kernel(props.imageKernel(), props.imageInitrd(), kernelCommandLine(domainName, vnfd.identity().productName(), memoryMib));
    }

    /**
     * A quarter of the guest's memory (at least 128 MiB) as 2 MiB pages for DPDK's mempools; the rest is for the
     * kernel, the initramfs the image runs from and the JVM.
     */
    static String kernelCommandLine(String domainName, String vnfType, long memoryMib) {
        long hugepages = Math.max(64, memoryMib / 4 / 2);
        return "console=ttyS0 quiet mano.domain=" + domainName + " mano.vnf=" + safe(vnfType) + " hugepages=" + hugepages;
    }

    /**
     * libvirt creates the agent socket and the console log but not their directories. Created here, on the
     * orchestrator's machine: right for a local host; a remote host needs them from its install step (ansible).
     */
    private void createRunDirectories() {
        for (String kind : List.of("agents", "console", "vhost")) {
            try {
                Files.createDirectories(Path.of(props.hostRunDir(), kind));
            } catch (IOException e) {
                log.debug("cannot create {}/{} here (a remote host's directory?): {}", props.hostRunDir(), kind, e.toString());
            }
        }
    }

    private String runPath(String kind, String file) {
        return props.hostRunDir() + "/" + kind + "/" + file;
    }

    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
