package dev.mano.orchestrator.catalog.vnfd;

import java.util.List;
import java.util.Optional;

/**
 * A tosca.nodes.nfv.VduCp (also accepted under the older name VduCpd). The interface type and
 * physical network are our {@code mano.interface_type} / {@code mano.physical_network}
 * properties: SOL001 leaves the virtual NIC kind to the VIM.
 *
 * @param virtualLinkId the internal virtual link it attaches to; empty for an external CP
 * @param physicalNetwork the provider network an SR-IOV VF must come from (sriov-vf only)
 */
public record ConnectionPoint(
        String id,
        String vduId,
        Optional<String> virtualLinkId,
        InterfaceType interfaceType,
        Optional<String> physicalNetwork,
        int order,
        List<String> layerProtocols) {

    public ConnectionPoint {
        layerProtocols = List.copyOf(layerProtocols);
    }

    public boolean external() { return virtualLinkId.isEmpty(); }
}
