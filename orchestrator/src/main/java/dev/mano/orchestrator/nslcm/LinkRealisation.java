package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.catalog.vnfd.InterfaceType;
import dev.mano.orchestrator.chainswitch.ChainSwitch;
import dev.mano.orchestrator.chainswitch.SwitchSegment;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.network.ChainPorts;
import dev.mano.orchestrator.network.SegmentPath;
import dev.mano.orchestrator.network.VlanLedger;
import dev.mano.orchestrator.nsd.Nsd;
import dev.mano.orchestrator.placement.VfAssignment;
import dev.mano.orchestrator.placement.VnfcPlacement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides, once the chain is placed and before any VM exists, what every segment of the chain is on
 * the wire: the ingress access point (position 0), one link per hop, the egress access point (last).
 *
 * <p><b>Which CP is which port</b> ({@link ChainPorts}): a VDU's CPs sorted by {@code order}; when it has
 * more than two and the first is virtio, that one is management and no chain port. Of the rest (the data
 * CPs) the first faces the segment before the member (port 0), the second the segment after it (port 1).
 * A VDU that declares fewer data CPs gets undeclared virtio ports for the missing ones (so a VNFD without
 * CPs gets two bridge ports, as always).
 *
 * <p><b>What a segment is</b> ({@link SegmentPath}), from the ports at its ends (every VNFC of both
 * members of a hop, or of the one member of an access point):
 * <ul>
 *   <li>every end an sriov-vf CP on one physical network: SRIOV_VLAN, whatever the hosts. Each end is the VF
 *       placement gave that CP, tagged with a VLAN of that network taken from the VLAN ledger (range
 *       {@code mano.network.vlan-range}); no bridge. On one host the NIC's embedded switch joins the VFs, across
 *       hosts the provider network does. Details: physicalNetwork, vlan, and per end its host and VF.</li>
 *   <li>exactly two ends, both vhost-user, a link (not an access point), on a host with a chain switch:
 *       VHOST_USER. The host's switch serves a socket per end and passes frames between them (ChainSwitch);
 *       each VM's NIC is a vhost-user client of its socket. Details: switchSegment, upstreamSocket (the member
 *       before the link), downstreamSocket (the member after it).</li>
 *   <li>no end a VF otherwise: TAP_BRIDGE, an isolated libvirt network (a bridge) on the one host every end is on
 *       (ChainPlacement refuses a plan that splits it). Vhost-user ends that cannot be a switched pair fall back to
 *       it: details say {@code "requested": "VHOST_USER"} and, when a switch was possible in shape, the
 *       {@code fallback} reason (a remote host, no runtime jars, the switch turned off).</li>
 *   <li>a VF end against a non-VF end, or VFs of different physical networks: nothing joins them; the NSD
 *       is refused at onboarding (nsd.ChainWirability), and an NS that gets here anyway fails.</li>
 * </ul>
 * Access points keep pathKind SAP (what sapInfo lists) and say their path in {@code details.path}.
 * The links and their VLANs are recorded in one transaction, before any network or VM exists, so a
 * rollback after a crash knows what to remove and give back.
 */
@Component
class LinkRealisation {
    static final String SAP = "SAP";
    static final String TAP_BRIDGE = "TAP_BRIDGE";
    static final String SRIOV_VLAN = "SRIOV_VLAN";
    static final String VHOST_USER = "VHOST_USER";
    private final HostService hosts;
    private final ChainSwitch chainSwitch;
    private final VlanLedger vlans;
    private final NsInstanceStore instances;
    private final TransactionTemplate tx;

    LinkRealisation(HostService hosts, ChainSwitch chainSwitch, VlanLedger vlans, NsInstanceStore instances,
                    PlatformTransactionManager txManager) {
        this.hosts = hosts;
        this.chainSwitch = chainSwitch;
        this.vlans = vlans;
        this.instances = instances;
        this.tx = new TransactionTemplate(txManager);
    }

    /** A placed chain member: its VNFD and its VNFCs with the VDU of each. */
    record PlacedMember(String node, Vnfd vnfd, List<VnfcPlacement> vnfcs, Map<String, String> vduOfVnfc) {
        List<ChainPorts.Port> ports(int index) {
            return vnfcs.stream().map(v -> ChainPorts.port(vnfd.connectionPointsOf(vduOfVnfc.get(v.vnfcId().toString())), index)).toList();
        }
    }

    static List<PlacedMember> members(Nsd nsd, List<ChainPlacement.Member> chain, List<ChainPlacement.Placed> placed) {
        List<PlacedMember> out = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            out.add(new PlacedMember(nsd.chain().get(i).nodeName(), chain.get(i).vnfd(), placed.get(i).plan().vnfcs(),
                    placed.get(i).vnfcVdus()));
        }
        return out;
    }

    /**
     * Plans the segments, takes their VLANs and records both, in one transaction.
     *
     * @throws OperationFailure vlan-range-exhausted (nothing taken), link-not-wirable
     */
    List<RealisedLink> realise(UUID nsId, Nsd nsd, List<ChainPlacement.Member> chain, List<ChainPlacement.Placed> placed) {
        return tx.execute(s -> {
            List<RealisedLink> segments = plan(nsId, nsd, members(nsd, chain, placed), (physnet, segment) -> vlans
                    .take(physnet, nsId, segment.position())
                    .orElseThrow(() -> new OperationFailure(409, "vlan-range-exhausted", "No free VLAN on a physical network",
                            "every VLAN of the range " + vlans.range() + " on physical network " + physnet
                                    + " is held by another NS's chain segment; " + segment.name() + " needs one")
                            .with("physicalNetwork", physnet).with("vlanRange", vlans.range()).with("link", segment.name())));
            instances.replaceLinks(nsId, segments);
            return segments;
        });
    }

    /** Forgets the NS's segments and gives back their VLANs, in one transaction (the networks are removed before). */
    void forget(UUID nsId) {
        tx.executeWithoutResult(s -> {
            vlans.release(nsId);
            instances.replaceLinks(nsId, List.of());
        });
    }

    /** Takes the VLAN of an SRIOV_VLAN segment: (physical network, the segment without its VLAN yet). */
    interface VlanSource {
        int take(String physicalNetwork, RealisedLink segment);
    }

    List<RealisedLink> plan(UUID nsId, Nsd nsd, List<PlacedMember> members, VlanSource vlanSource) {
        List<RealisedLink> out = new ArrayList<>();
        int last = members.size();
        PlacedMember first = members.getFirst();
        PlacedMember end = members.getLast();
        out.add(segment(nsId, 0, "ingress", "access", first.node(), true, List.of(new End(first, 0)), vlanSource));
        for (int i = 1; i < last; i++) {
            PlacedMember from = members.get(i - 1);
            PlacedMember to = members.get(i);
            Nsd.NsdLink link = nsd.links().stream().filter(l -> l.from().equals(from.node()) && l.to().equals(to.node())).findFirst()
                    .orElse(new Nsd.NsdLink(from.node() + "_to_" + to.node(), from.node(), to.node(), 0, false));
            RealisedLink segment = segment(nsId, i, link.nodeName(), from.node(), to.node(), false,
                    List.of(new End(from, 1), new End(to, 0)), vlanSource);
            if (link.bandwidthMbps() > 0) segment.details().put("bandwidthMbps", link.bandwidthMbps());
            segment.details().put("sameHostPreferred", link.sameHost());
            out.add(segment);
        }
        out.add(segment(nsId, last, "egress", end.node(), "access", true, List.of(new End(end, 1)), vlanSource));
        return out;
    }

    /** One member's side of a segment: its chain port {@code port}. */
    private record End(PlacedMember member, int port) {}

    private RealisedLink segment(UUID nsId, int position, String name, String from, String to, boolean sap, List<End> ends,
                                 VlanSource vlanSource) {
        List<ChainPorts.Port> ports = ends.stream().flatMap(e -> e.member().ports(e.port()).stream()).toList();
        SegmentPath path = SegmentPath.of(ports);
        List<UUID> on = ends.stream().flatMap(e -> e.member().vnfcs().stream()).map(VnfcPlacement::hostId).distinct().toList();
        Map<String, Object> details = new LinkedHashMap<>();
        String kind = switch (path) {
            case SegmentPath.Unwirable u -> throw new OperationFailure(422, "link-not-wirable", "A chain segment cannot be wired",
                    name + ": " + u.why()).with("link", name);
            case SegmentPath.Bridge b -> {
                bridge(details, nsId, position, sap, name, on);
                b.requested().ifPresent(r -> details.put("requested", r.name()));
                yield TAP_BRIDGE;
            }
            case SegmentPath.VhostUserPair p -> {
                Optional<String> fallback = sap ? Optional.of("an access point is a bridge an operator plugs into")
                        : on.size() > 1 ? Optional.of("its ends are on different hosts") : chainSwitch.unavailable(hosts.ref(on.getFirst()));
                if (fallback.isPresent()) {
                    bridge(details, nsId, position, sap, name, on);
                    details.put("requested", VHOST_USER);
                    details.put("fallback", fallback.get());
                    yield TAP_BRIDGE;
                }
                SwitchSegment s = chainSwitch.segment(nsId.toString().substring(0, 8) + "-" + position);
                details.put("switchSegment", s.id());
                details.put("upstreamSocket", s.upstream().toString());
                details.put("downstreamSocket", s.downstream().toString());
                yield VHOST_USER;
            }
            case SegmentPath.SriovVlan v -> {
                details.put("physicalNetwork", v.physicalNetwork());
                yield SRIOV_VLAN;
            }
        };
        details.put("hosts", on.stream().map(hosts::ref).map(HostRef::name).toList());
        details.put("hostIds", on.stream().map(UUID::toString).toList());
        details.put("ends", ends.stream().flatMap(e -> endDetails(e).stream()).toList());
        if (sap) details.put("path", kind);
        RealisedLink segment = new RealisedLink(position, name, from, to, sap ? SAP : kind, details);
        if (kind.equals(SRIOV_VLAN)) {
            details.put("vlan", vlanSource.take(String.valueOf(details.get("physicalNetwork")), segment));
        }
        return segment;
    }

    /** A bridge segment's libvirt network and bridge names, on the one host its ends must share. */
    private static void bridge(Map<String, Object> details, UUID nsId, int position, boolean sap, String name, List<UUID> on) {
        if (on.size() > 1) {
            throw new OperationFailure(409, "link-not-wirable", "A chain segment cannot be wired", name
                    + " joins bridge ports (virtio/vhost-user), which exist on one host only, but its ends were placed on "
                    + on.size() + " hosts").with("link", name);
        }
        String ns8 = nsId.toString().substring(0, 8);
        String suffix = sap ? (position == 0 ? "in" : "out") : Integer.toString(position);
        details.put("network", "mano-" + ns8 + "-" + suffix);
        details.put("bridge", "mn" + ns8 + "-" + suffix);
    }

    /** Per VNFC of the end: which CP it is, on which host, and for a VF which one. */
    private List<Map<String, Object>> endDetails(End e) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (VnfcPlacement v : e.member().vnfcs()) {
            var cps = e.member().vnfd().connectionPointsOf(e.member().vduOfVnfc().get(v.vnfcId().toString()));
            ChainPorts.Port port = ChainPorts.port(cps, e.port());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("node", e.member().node());
            d.put("vnfc", v.vnfcId().toString());
            d.put("connectionPoint", port.cp().map(cp -> cp.id()).orElse(null));
            d.put("interfaceType", port.kind().yamlName());
            d.put("host", v.hostName() != null ? v.hostName() : hosts.ref(v.hostId()).name());
            if (port.kind() == InterfaceType.SRIOV_VF) {
                VfAssignment vf = ChainPorts.vfsByCp(cps, v.nodes().stream().flatMap(n -> n.vfs().stream()).toList())
                        .get(port.cp().orElseThrow().id());
                d.put("vf", vf == null ? null : vf.pciAddress());
                if (vf != null) d.put("pf", vf.pfPciAddress());
            }
            out.add(d);
        }
        return out;
    }

    /** How member {@code index} of the chain is wired: its port 0 and port 1, as GuestSetup's dataPorts. */
    static List<Map<String, Object>> dataPorts(List<RealisedLink> segments, int index) {
        return List.of(dataPort(segments.get(index), "downstreamSocket"), dataPort(segments.get(index + 1), "upstreamSocket"));
    }

    /** @param socket which end of a VHOST_USER segment the member is: downstream for its port 0, upstream for its port 1 */
    private static Map<String, Object> dataPort(RealisedLink segment, String socket) {
        if (bridged(segment)) return Map.of("network", network(segment));
        if (switched(segment)) return Map.of("vhostUserSocket", String.valueOf(segment.details().get(socket)));
        return Map.of("physicalNetwork", String.valueOf(segment.details().get("physicalNetwork")),
                "vlan", ((Number) segment.details().get("vlan")).intValue());
    }

    /** Whether the segment is a libvirt network (a bridge) that ChainNetworks creates and removes. */
    static boolean bridged(RealisedLink segment) {
        return segment.details().get("network") != null;
    }

    /** Whether the segment goes through its host's chain switch, which ChainNetworks attaches and detaches it on. */
    static boolean switched(RealisedLink segment) {
        return VHOST_USER.equals(segment.pathKind());
    }

    static SwitchSegment switchSegment(RealisedLink segment) {
        return new SwitchSegment(String.valueOf(segment.details().get("switchSegment")),
                java.nio.file.Path.of(String.valueOf(segment.details().get("upstreamSocket"))),
                java.nio.file.Path.of(String.valueOf(segment.details().get("downstreamSocket"))));
    }

    static String network(RealisedLink segment) {
        return String.valueOf(segment.details().get("network"));
    }

    @SuppressWarnings("unchecked")
    static List<UUID> hostIds(RealisedLink segment) {
        return ((List<Object>) segment.details().getOrDefault("hostIds", List.of())).stream()
                .map(o -> UUID.fromString(String.valueOf(o))).toList();
    }
}
