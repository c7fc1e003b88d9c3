package dev.mano.orchestrator.network;

import dev.mano.orchestrator.catalog.vnfd.ConnectionPoint;
import dev.mano.orchestrator.catalog.vnfd.InterfaceType;
import dev.mano.orchestrator.catalog.vnfd.Vdu;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.placement.VfAssignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which connection points of a VDU are its two chain ports, the one rule the NS wiring, the NSD
 * validation and the domain XML all follow.
 *
 * <p>A VDU's CPs sorted by {@code order}; when the VDU has more than two CPs and the first of them is
 * virtio, that one is the management CP (the bundled VNFDs' order-0 kernel port) and is no chain port.
 * The rest are data CPs: the first faces the segment before the member (port 0), the second the segment
 * after it (port 1); further data CPs are not chained. A port without a declared data CP (a VDU that
 * declares one CP or none) is an undeclared virtio port: a bridge port, as members without CPs always got.
 */
public final class ChainPorts {
    /** A chain port needs no more than this many data CPs. */
    public static final int PORTS = 2;

    private ChainPorts() {}

    /** What one chain port of a VDU is on the wire. {@code cp} is empty for an undeclared virtio port. */
    public record Port(Optional<ConnectionPoint> cp, InterfaceType kind, Optional<String> physicalNetwork) {
        public boolean vf() {
            return kind == InterfaceType.SRIOV_VF;
        }

        /** For messages: {@code cp-id (sriov-vf on physnet)}, or the undeclared port. */
        public String describe() {
            String name = cp.map(ConnectionPoint::id).orElse("(undeclared port)");
            return name + " (" + kind.yamlName() + physicalNetwork.map(n -> " on " + n).orElse("") + ")";
        }
    }

    /** The management CP, when the VDU has one by the rule above. */
    public static Optional<ConnectionPoint> management(List<ConnectionPoint> cps) {
        List<ConnectionPoint> sorted = sorted(cps);
        return sorted.size() > PORTS && sorted.getFirst().interfaceType() == InterfaceType.VIRTIO
                ? Optional.of(sorted.getFirst()) : Optional.empty();
    }

    /** The VDU's data CPs in order: its CPs without the management one. */
    public static List<ConnectionPoint> dataCps(List<ConnectionPoint> cps) {
        Optional<ConnectionPoint> mgmt = management(cps);
        return sorted(cps).stream().filter(cp -> mgmt.map(m -> m != cp).orElse(true)).toList();
    }

    /** Chain port {@code index} (0 = towards the segment before the member, 1 = after) of a VDU. */
    public static Port port(List<ConnectionPoint> cps, int index) {
        List<ConnectionPoint> data = dataCps(cps);
        if (index < data.size()) {
            ConnectionPoint cp = data.get(index);
            return new Port(Optional.of(cp), cp.interfaceType(),
                    cp.interfaceType() == InterfaceType.SRIOV_VF ? Optional.of(physicalNetwork(cp)) : Optional.empty());
        }
        return new Port(Optional.empty(), InterfaceType.VIRTIO, Optional.empty());
    }

    /** Chain port {@code index} of every VDU of a VNF, VDU by VDU. */
    public static List<Port> ports(Vnfd vnfd, int index) {
        return vnfd.vdus().stream().map(Vdu::id).map(vnfd::connectionPointsOf).map(cps -> port(cps, index)).toList();
    }

    /** The physical network an sriov-vf CP's VF comes from ("default" when the VNFD names none, as placement counts it). */
    public static String physicalNetwork(ConnectionPoint cp) {
        return cp.physicalNetwork().orElse("default");
    }

    /**
     * Which VF placement gave each sriov-vf CP of a VDU: the CPs in order take the VNFC's VFs of their
     * physical network in the order placement listed them. Placement asks one VF per sriov-vf CP, so every
     * CP gets one; a CP missing from the result means the placement predates its VNFD.
     */
    public static Map<String, VfAssignment> vfsByCp(List<ConnectionPoint> cps, List<VfAssignment> vfs) {
        List<VfAssignment> free = new ArrayList<>(vfs);
        Map<String, VfAssignment> out = new LinkedHashMap<>();
        for (ConnectionPoint cp : sorted(cps)) {
            if (cp.interfaceType() != InterfaceType.SRIOV_VF) continue;
            String net = physicalNetwork(cp);
            free.stream().filter(vf -> vf.physicalNetwork().equals(net)).findFirst().ifPresent(vf -> {
                free.remove(vf);
                out.put(cp.id(), vf);
            });
        }
        return out;
    }

    private static List<ConnectionPoint> sorted(List<ConnectionPoint> cps) {
        return cps.stream().sorted(Comparator.comparingInt(ConnectionPoint::order).thenComparing(ConnectionPoint::id)).toList();
    }
}
