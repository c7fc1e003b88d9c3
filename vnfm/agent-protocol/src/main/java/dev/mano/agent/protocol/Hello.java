package dev.mano.agent.protocol;

import java.util.List;
import java.util.Objects;

/**
 * First message of every connection: what this VNF is and which resources it runs on.
 *
 * @param vnfType the VNF's kind (l2fwd, router, firewall, ...)
 * @param version the runtime's version
 * @param lcores  the DPDK lcore ids that run the data plane
 * @param ports   the DPDK ports by name, in port-id order
 */
public record Hello(String vnfType, String version, List<Integer> lcores, List<String> ports)
        implements AgentMessage.FromAgent {
    public Hello {
        Objects.requireNonNull(vnfType, "vnfType");
        Objects.requireNonNull(version, "version");
        lcores = List.copyOf(lcores);
        ports = List.copyOf(ports);
    }
}
