package dev.mano.orchestrator.nsd;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.vnfd.VnfdParser;
import dev.mano.orchestrator.catalog.vnfd.VnfdViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;

/**
 * Reads an NSD: one tosca.nodes.nfv.NS node (identity), tosca.nodes.nfv.VNF nodes naming
 * onboarded VNFDs, tosca.nodes.nfv.NsVirtualLink nodes, and one tosca.groups.nfv.VNFFG group
 * whose members list the VNFs in chain order. Two neighbours are joined by the link both name
 * in their {@code virtual_link} requirements, or by a default link when they share none.
 * Errors name the file, the path in the document and what was expected (422).
 */
public final class NsdParser {
    static final String NS = "tosca.nodes.nfv.NS";
    static final String VNF = "tosca.nodes.nfv.VNF";
    static final String LINK = "tosca.nodes.nfv.NsVirtualLink";
    static final String VNFFG = "tosca.groups.nfv.VNFFG";
    private final String file;

    private NsdParser(String file) {
        this.file = file;
    }

    /** @param vnfdKnown whether a vnfdId is onboarded and enabled (constituents must be) */
    public static Nsd parse(String file, String text, Predicate<String> vnfdKnown) {
        Object doc;
        try {
            doc = VnfdParser.load(file, text);
        } catch (VnfdViolation v) {
            throw new NsdParser(file).violation(v.path(), v.expected(), v.getMessage());
        }
        return new NsdParser(file).read(doc, vnfdKnown);
    }

    private Nsd read(Object doc, Predicate<String> vnfdKnown) {
        Map<String, Object> root = map(doc, "(document)", "a TOSCA service template");
        Map<String, Object> topology = map(root.get("topology_template"), "topology_template", "a mapping with node_templates");
        Map<String, Object> nodes = map(topology.get("node_templates"), "topology_template.node_templates", "a mapping of nodes");

        Map<String, Object> nsProps = null;
        Map<String, Nsd.NsdVnf> vnfs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> links = new LinkedHashMap<>();
        Map<String, List<String>> linksOfVnf = new LinkedHashMap<>();
        for (var e : nodes.entrySet()) {
            String at = "topology_template.node_templates." + e.getKey();
            Map<String, Object> node = map(e.getValue(), at, "a node template");
            String type = string(node.get("type"), at + ".type", "a TOSCA node type");
            Map<String, Object> props = node.get("properties") == null ? Map.of()
                    : map(node.get("properties"), at + ".properties", "a mapping of properties");
            switch (type) {
                case NS -> {
                    if (nsProps != null) throw violation(at, "exactly one " + NS + " node", "a second NS node");
                    nsProps = props;
                }
                case VNF -> {
                    String vnfdId = string(props.get("descriptor_id"), at + ".properties.descriptor_id", "the vnfdId of an onboarded VNF package");
                    if (!vnfdKnown.test(vnfdId)) {
                        throw violation(at + ".properties.descriptor_id", "the vnfdId of an onboarded, enabled VNF package",
                                "no onboarded and enabled VNF package has vnfdId " + vnfdId);
                    }
                    String flavour = props.get("flavour_id") == null ? "default" : string(props.get("flavour_id"), at + ".properties.flavour_id", "a flavour id");
                    vnfs.put(e.getKey(), new Nsd.NsdVnf(e.getKey(), vnfdId, flavour));
                    linksOfVnf.put(e.getKey(), virtualLinks(node, at));
                }
                case LINK -> links.put(e.getKey(), props);
                default -> { } // other node types (SAPs, ...) do not affect the chain: accepted, ignored
            }
        }
        if (nsProps == null) throw violation("topology_template.node_templates", "one node of type " + NS, "no NS node");
        String at = "topology_template.node_templates.<ns>.properties";
        String nsdId = string(nsProps.get("descriptor_id"), at + ".descriptor_id", "the NSD's descriptor_id");
        for (var e : linksOfVnf.entrySet()) {
            for (String l : e.getValue()) {
                if (!links.containsKey(l)) {
                    throw violation("topology_template.node_templates." + e.getKey() + ".requirements",
                            "virtual_link naming an " + LINK + " node", "no " + LINK + " node named " + l);
                }
            }
        }

        List<String> order = chainOrder(topology, vnfs);
        List<Nsd.NsdVnf> chain = order.stream().map(vnfs::get).toList();
        List<Nsd.NsdLink> chainLinks = new ArrayList<>();
        for (int i = 0; i + 1 < order.size(); i++) {
            String a = order.get(i);
            String b = order.get(i + 1);
            String shared = linksOfVnf.get(a).stream().filter(linksOfVnf.get(b)::contains).findFirst().orElse(null);
            Map<String, Object> props = shared == null ? Map.of() : links.get(shared);
            String linkAt = "topology_template.node_templates." + shared + ".properties";
            chainLinks.add(new Nsd.NsdLink(shared == null ? a + "-" + b : shared, a, b,
                    number(props.get("mano.bandwidth_mbps"), linkAt + ".mano.bandwidth_mbps", 0),
                    bool(props.get("mano.same_host"), linkAt + ".mano.same_host", true)));
        }
        return new Nsd(nsdId, optional(nsProps.get("name"), nsdId), optional(nsProps.get("designer"), ""),
                optional(nsProps.get("version"), ""), optional(nsProps.get("invariant_id"), nsdId), chain, chainLinks);
    }

    /** The VNFFG group's VNF members in order; without a group, the VNF nodes in document order. */
    private List<String> chainOrder(Map<String, Object> topology, Map<String, Nsd.NsdVnf> vnfs) {
        if (vnfs.isEmpty()) throw violation("topology_template.node_templates", "at least one " + VNF + " node", "no VNF node");
        Object groupsValue = topology.get("groups");
        if (groupsValue == null) return List.copyOf(vnfs.keySet());
        Map<String, Object> groups = map(groupsValue, "topology_template.groups", "a mapping of groups");
        List<String> order = null;
        for (var e : groups.entrySet()) {
            String at = "topology_template.groups." + e.getKey();
            Map<String, Object> group = map(e.getValue(), at, "a group");
            if (!VNFFG.equals(group.get("type"))) continue;
            if (order != null) throw violation(at, "one " + VNFFG + " group", "a second forwarding graph");
            Object members = group.get("members");
            if (!(members instanceof List<?> list) || list.isEmpty()) throw violation(at + ".members", "the chain's nodes in order", "no members");
            order = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String m = string(list.get(i), at + ".members[" + i + "]", "a node name");
                if (vnfs.containsKey(m)) order.add(m); // links and other members only annotate the graph
            }
            if (order.isEmpty()) throw violation(at + ".members", "at least one " + VNF + " node", "no VNF among the members");
        }
        return order == null ? List.copyOf(vnfs.keySet()) : order;
    }

    private List<String> virtualLinks(Map<String, Object> node, String at) {
        Object reqs = node.get("requirements");
        List<String> out = new ArrayList<>();
        if (reqs == null) return out;
        if (!(reqs instanceof List<?> list)) throw violation(at + ".requirements", "a list of requirements", "not a list");
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> req = map(list.get(i), at + ".requirements[" + i + "]", "a requirement");
            Object vl = req.get("virtual_link");
            if (vl != null) out.add(string(vl, at + ".requirements[" + i + "].virtual_link", "an NsVirtualLink node name"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object v, String path, String expected) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw violation(path, expected, v == null ? "missing" : "found " + v.getClass().getSimpleName());
    }

    private String string(Object v, String path, String expected) {
        if (v instanceof String s && !s.isBlank()) return s;
        if (v instanceof Number || v instanceof Boolean) return String.valueOf(v);
        throw violation(path, expected, v == null ? "missing" : "not a string");
    }

    private long number(Object v, String path, long fallback) {
        if (v == null) return fallback;
        if (v instanceof Number n && n.longValue() >= 0) return n.longValue();
        throw violation(path, "a non-negative number", "found " + v);
    }

    private boolean bool(Object v, String path, boolean fallback) {
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        throw violation(path, "true or false", "found " + v);
    }

    private static String optional(Object v, String fallback) {
        return v == null ? fallback : String.valueOf(v);
    }

    private ApiProblem violation(String path, String expected, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "nsd-invalid", "Invalid NS descriptor", detail)
                .with("file", file).with("path", path).with("expected", expected);
    }
}
