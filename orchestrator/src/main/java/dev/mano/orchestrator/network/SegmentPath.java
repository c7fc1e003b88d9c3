package dev.mano.orchestrator.network;

import dev.mano.orchestrator.catalog.vnfd.InterfaceType;
import java.util.List;
import java.util.Optional;

/**
 * What a chain segment can be, from the chain ports at its ends (every VDU's port of both members of a
 * hop, or of the one member of an access point).
 */
public sealed interface SegmentPath {
    /** Every end an sriov-vf CP on one physical network: the VFs share a VLAN on it; no bridge. */
    record SriovVlan(String physicalNetwork) implements SegmentPath {}

    /**
     * Exactly two ends, both vhost-user: the host's chain switch joins their sockets (see ChainSwitch), when
     * both are on one host that has a switch; otherwise the link falls back to a bridge.
     */
    record VhostUserPair() implements SegmentPath {}

    /**
     * No end a VF: a bridge on the one host all ends share. {@code requested} is VHOST_USER when an end asked
     * for vhost-user that cannot be a point-to-point pair (more than two ends, an access point, or a virtio
     * end beside it): a vhost-user socket joins exactly two NICs.
     */
    record Bridge(Optional<InterfaceType> requested) implements SegmentPath {}

    /** A VF end against a non-VF end, or VF ends on different physical networks: nothing joins them. */
    record Unwirable(String why) implements SegmentPath {}

    static SegmentPath of(List<ChainPorts.Port> ends) {
        boolean anyVf = ends.stream().anyMatch(ChainPorts.Port::vf);
        if (!anyVf) {
            if (ends.size() == 2 && ends.stream().allMatch(p -> p.kind() == InterfaceType.VHOST_USER)) {
                return new VhostUserPair();
            }
            return new Bridge(ends.stream().anyMatch(p -> p.kind() == InterfaceType.VHOST_USER)
                    ? Optional.of(InterfaceType.VHOST_USER) : Optional.empty());
        }
        if (!ends.stream().allMatch(ChainPorts.Port::vf)) {
            return new Unwirable("an SR-IOV VF end and a " + ends.stream().filter(p -> !p.vf()).findFirst().orElseThrow().kind().yamlName()
                    + " end: a VF reaches only VFs (through the NIC or the provider network), a bridge port only its host's bridge");
        }
        List<String> nets = ends.stream().map(p -> p.physicalNetwork().orElseThrow()).distinct().toList();
        return nets.size() == 1 ? new SriovVlan(nets.getFirst())
                : new Unwirable("SR-IOV VF ends on different physical networks " + nets);
    }

    /** The path of a segment whose ends are these ports. */
    static SegmentPath between(List<ChainPorts.Port> before, List<ChainPorts.Port> after) {
        return of(java.util.stream.Stream.concat(before.stream(), after.stream()).toList());
    }
}
