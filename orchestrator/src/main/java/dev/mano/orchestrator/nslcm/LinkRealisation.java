package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.orchestrator.nsd.Nsd;
import dev.mano.orchestrator.vnflcm.Vnfc;
import dev.mano.orchestrator.vnflcm.VnfLifecycle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Decides what each chain link is on the wire, from where placement put its two ends: the last
 * VNFC of one VNF and the first of the next. Same host: a vhost-user hop through shared
 * hugepage memory. Different hosts: SR-IOV VFs on the provider network with a VLAN of the link's
 * own. Simulated (test driver) hosts have no data plane: a tap/bridge stands in.
 */
@Component
class LinkRealisation {
    /** VLANs for inter-host links come from this range, keyed by the NS and the link's position. */
    static final int VLAN_BASE = 2000;
    static final int VLAN_COUNT = 1000;
    private final VnfLifecycle vnfs;
    private final HostService hosts;

    LinkRealisation(VnfLifecycle vnfs, HostService hosts) {
        this.vnfs = vnfs;
        this.hosts = hosts;
    }

    List<RealisedLink> realise(UUID nsId, List<Nsd.NsdLink> links, Map<String, UUID> vnfOfNode) {
        List<RealisedLink> out = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Nsd.NsdLink link = links.get(i);
            List<Vnfc> from = vnfs.vnfcs(vnfOfNode.get(link.from()));
            List<Vnfc> to = vnfs.vnfcs(vnfOfNode.get(link.to()));
            if (from.isEmpty() || to.isEmpty()) continue;
            Vnfc a = from.getLast();
            Vnfc b = to.getFirst();
            HostRef hostA = hosts.ref(a.hostId());
            HostRef hostB = hosts.ref(b.hostId());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fromVnfc", a.id().toString());
            details.put("toVnfc", b.id().toString());
            details.put("fromHost", hostA.name());
            details.put("toHost", hostB.name());
            if (link.bandwidthMbps() > 0) details.put("bandwidthMbps", link.bandwidthMbps());
            String kind;
            if (hostA.libvirtUri().startsWith("test:") || hostB.libvirtUri().startsWith("test:")) {
                kind = "TAP_BRIDGE";
                details.put("bridge", "mano-" + nsId.toString().substring(0, 8) + "-" + i);
            } else if (a.hostId().equals(b.hostId())) {
                kind = "VHOST_USER";
                details.put("sameHostPreferred", link.sameHost());
            } else {
                kind = "SRIOV_VLAN";
                details.put("vlan", VLAN_BASE + Math.floorMod((nsId.toString() + i).hashCode(), VLAN_COUNT));
            }
            out.add(new RealisedLink(i, link.nodeName(), link.from(), link.to(), kind, details));
        }
        return out;
    }
}
