package dev.mano.orchestrator.nsd;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.vnfd.Vdu;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.network.ChainPorts;
import dev.mano.orchestrator.network.SegmentPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;

/**
 * Refuses at onboarding an NSD whose chain cannot be wired: a segment with an SR-IOV VF end and a
 * virtio/vhost-user end (a VF reaches only VFs, through the NIC or the provider network; a bridge port
 * only its host's bridge), or VF ends on different physical networks. The constituent VNFDs say which
 * CP is which chain port (see network.ChainPorts). Links between bridge ports on different hosts are
 * the placement's business (ChainPlacement keeps them on one host or refuses the chain).
 */
final class ChainWirability {
    private ChainWirability() {}

    /** @throws ApiProblem 422 nsd-link-unwirable naming the link (or access point) and both CPs */
    static void check(String file, Nsd nsd, Function<String, Vnfd> vnfdOf) {
        List<Nsd.NsdVnf> chain = nsd.chain();
        for (int s = 0; s <= chain.size(); s++) {
            List<Side> sides = new ArrayList<>();
            if (s > 0) sides.add(new Side(chain.get(s - 1), 1));
            if (s < chain.size()) sides.add(new Side(chain.get(s), 0));
            List<ChainPorts.Port> ports = new ArrayList<>();
            for (Side side : sides) ports.addAll(ChainPorts.ports(vnfdOf.apply(side.vnf().vnfdId()), side.port()));
            if (!(SegmentPath.of(ports) instanceof SegmentPath.Unwirable why)) continue;

            boolean hop = sides.size() == 2;
            String name = hop ? nsd.links().get(s - 1).nodeName() : (s == 0 ? "ingress of " : "egress of ") + sides.getFirst().vnf().nodeName();
            String path = hop ? "topology_template.node_templates." + name : "topology_template.node_templates." + sides.getFirst().vnf().nodeName();
            List<Map<String, Object>> ends = new ArrayList<>();
            List<String> described = new ArrayList<>();
            for (Side side : sides) {
                Vnfd vnfd = vnfdOf.apply(side.vnf().vnfdId());
                for (Vdu vdu : vnfd.vdus()) {
                    ChainPorts.Port port = ChainPorts.port(vnfd.connectionPointsOf(vdu.id()), side.port());
                    Map<String, Object> end = new LinkedHashMap<>();
                    end.put("vnf", side.vnf().nodeName());
                    end.put("vdu", vdu.id());
                    end.put("connectionPoint", port.cp().map(cp -> cp.id()).orElse(null));
                    end.put("interfaceType", port.kind().yamlName());
                    port.physicalNetwork().ifPresent(n -> end.put("physicalNetwork", n));
                    ends.add(end);
                    described.add(side.vnf().nodeName() + "." + port.describe());
                }
            }
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "nsd-link-unwirable", "A chain link cannot be wired",
                    (hop ? "link " : "") + name + " joins " + String.join(" and ", described) + ": " + why.why()
                            + ". Give both ends sriov-vf CPs on one physical network, or neither a VF")
                    .with("file", file).with("path", path).with("link", name).with("ends", ends)
                    .with("expected", "both ends SR-IOV VFs on one physical network, or neither");
        }
    }

    private record Side(Nsd.NsdVnf vnf, int port) {}
}
