package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.nsd.Nsd;
import dev.mano.orchestrator.placement.VnfcPlacement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Decides, once the chain is placed and before any VM exists, what every segment of the chain is on
 * the wire: the ingress access point, one link per hop, the egress access point. Each segment is an
 * isolated network (a bridge) on the host(s) its ends were placed on; each VNF gets the segment before
 * it as port 0 and the one after it as port 1. A hop whose ends share a host is a TAP_BRIDGE link on
 * that host. A hop between hosts is SRIOV_VLAN: a bridge on each side, stitched by the VLAN recorded
 * here over each host's provider uplink (the uplink is host setup, see ansible/roles/sriov).
 */
@Component
class LinkRealisation {
    /** VLANs for inter-host links come from this range, keyed by the NS and the link's position. */
    static final int VLAN_BASE = 2000;
    static final int VLAN_COUNT = 1000;
    static final String SAP = "SAP";
    private final HostService hosts;

    LinkRealisation(HostService hosts) {
        this.hosts = hosts;
    }

    /** @param placed per chain member, in chain order, its committed VNFC placements */
    List<RealisedLink> plan(UUID nsId, Nsd nsd, List<List<VnfcPlacement>> placed) {
        List<String> nodes = nsd.chain().stream().map(Nsd.NsdVnf::nodeName).toList();
        List<RealisedLink> out = new ArrayList<>();
        int last = nodes.size();
        out.add(segment(nsId, 0, "ingress", "access", nodes.getFirst(), SAP, hostsOf(placed.getFirst()), null));
        for (int i = 1; i < last; i++) {
            String from = nodes.get(i - 1);
            String to = nodes.get(i);
            Nsd.NsdLink link = nsd.links().stream().filter(l -> l.from().equals(from) && l.to().equals(to)).findFirst()
                    .orElse(new Nsd.NsdLink(from + "_to_" + to, from, to, 0, false));
            Set<UUID> ends = new LinkedHashSet<>(hostsOf(placed.get(i - 1)));
            ends.addAll(hostsOf(placed.get(i)));
            boolean oneHost = ends.size() == 1;
            RealisedLink segment = segment(nsId, i, link.nodeName(), from, to, oneHost ? "TAP_BRIDGE" : "SRIOV_VLAN",
                    List.copyOf(ends), oneHost ? null : VLAN_BASE + Math.floorMod((nsId.toString() + i).hashCode(), VLAN_COUNT));
            if (link.bandwidthMbps() > 0) segment.details().put("bandwidthMbps", link.bandwidthMbps());
            segment.details().put("sameHostPreferred", link.sameHost());
            out.add(segment);
        }
        out.add(segment(nsId, last, "egress", nodes.getLast(), "access", SAP, hostsOf(placed.getLast()), null));
        return out;
    }

    /** The networks member {@code index} of the chain sits between: its port 0 and port 1. */
    static List<String> dataNetworks(List<RealisedLink> segments, int index) {
        return List.of(network(segments.get(index)), network(segments.get(index + 1)));
    }

    static String network(RealisedLink segment) {
        return String.valueOf(segment.details().get("network"));
    }

    @SuppressWarnings("unchecked")
    static List<UUID> hostIds(RealisedLink segment) {
        return ((List<Object>) segment.details().getOrDefault("hostIds", List.of())).stream()
                .map(o -> UUID.fromString(String.valueOf(o))).toList();
    }

    private RealisedLink segment(UUID nsId, int position, String name, String from, String to, String kind, List<UUID> on,
                                 Integer vlan) {
        String ns8 = nsId.toString().substring(0, 8);
        String suffix = kind.equals(SAP) ? (position == 0 ? "in" : "out") : Integer.toString(position);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("network", "mano-" + ns8 + "-" + suffix);
        details.put("bridge", "mn" + ns8 + "-" + suffix);
        details.put("hosts", on.stream().map(hosts::ref).map(HostRef::name).toList());
        details.put("hostIds", on.stream().map(UUID::toString).toList());
        if (vlan != null) details.put("vlan", vlan);
        return new RealisedLink(position, name, from, to, kind, details);
    }

    /** Hosts of a member's VNFCs: the first VNFC's host first (where its upstream port is). */
    private static List<UUID> hostsOf(List<VnfcPlacement> vnfcs) {
        return vnfcs.stream().map(VnfcPlacement::hostId).distinct().toList();
    }
}
