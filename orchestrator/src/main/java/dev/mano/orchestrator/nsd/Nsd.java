package dev.mano.orchestrator.nsd;

import java.util.List;

/**
 * A parsed SOL001 NS descriptor (the subset this platform deploys): its constituent VNFs in
 * forwarding-graph order, and the virtual link between each pair of neighbours.
 *
 * @param chain VNFs in the order packets traverse them (the VNFFG's members)
 * @param links {@code links.get(i)} joins {@code chain.get(i)} and {@code chain.get(i + 1)}
 */
public record Nsd(String nsdId, String name, String designer, String version, String invariantId,
                  List<NsdVnf> chain, List<NsdLink> links) {
    public Nsd {
        chain = List.copyOf(chain);
        links = List.copyOf(links);
    }

    /** A constituent VNF: a node of type tosca.nodes.nfv.VNF naming an onboarded VNFD. */
    public record NsdVnf(String nodeName, String vnfdId, String flavourId) {}

    /**
     * A chain link (tosca.nodes.nfv.NsVirtualLink) with our properties: a bandwidth hint and
     * whether its two ends should share a host (a vhost-user hop instead of a NIC round trip).
     */
    public record NsdLink(String nodeName, String from, String to, long bandwidthMbps, boolean sameHost) {}
}
