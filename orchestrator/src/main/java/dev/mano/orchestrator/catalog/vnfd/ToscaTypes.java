package dev.mano.orchestrator.catalog.vnfd;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node types a descriptor declares itself ({@code node_types}), so that a template of type
 * {@code acme.nodes.Firewall derived_from tosca.nodes.nfv.VNF} counts as a VNF. Types from
 * imported files are not followed: SOL001 base types are known by name.
 */
final class ToscaTypes {
    static final String VNF = "tosca.nodes.nfv.VNF";
    static final String VDU_COMPUTE = "tosca.nodes.nfv.Vdu.Compute";
    static final String VDU_CP = "tosca.nodes.nfv.VduCp";
    static final String VDU_CPD = "tosca.nodes.nfv.VduCpd"; // pre-2.6 SOL001 name
    static final String VIRTUAL_LINK = "tosca.nodes.nfv.VnfVirtualLink";

    private final YamlNode nodeTypesNode;
    private final Map<String, YamlNode> nodeTypes;

    ToscaTypes(YamlNode nodeTypesNode) {
        this.nodeTypesNode = nodeTypesNode;
        this.nodeTypes = nodeTypesNode.entries();
    }

    /** The type and its ancestors, nearest first. */
    List<String> lineage(String type) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String t = type;
        while (t != null && seen.add(t)) {
            out.add(t);
            YamlNode def = nodeTypes.get(t);
            t = def == null || !def.isMap() ? null : def.get("derived_from").optString("a type name").orElse(null);
        }
        return out;
    }

    boolean isA(String type, String base) {
        return lineage(type).contains(base);
    }

    /** The declaration of a type in this file, when it declares it. */
    YamlNode declaration(String type) {
        return nodeTypesNode.get(type);
    }
}
