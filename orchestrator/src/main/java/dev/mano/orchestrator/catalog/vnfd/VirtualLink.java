package dev.mano.orchestrator.catalog.vnfd;

import java.util.List;

/** A tosca.nodes.nfv.VnfVirtualLink: a network internal to the VNF. */
public record VirtualLink(String id, String description, List<String> layerProtocols) {
    public VirtualLink {
        layerProtocols = List.copyOf(layerProtocols);
    }
}
