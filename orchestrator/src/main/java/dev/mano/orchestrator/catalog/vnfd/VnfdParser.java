package dev.mano.orchestrator.catalog.vnfd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Parses a SOL001 (TOSCA Simple Profile in YAML) VNFD into a {@link Vnfd}, or throws a
 * {@link VnfdViolation} naming the file, path and expectation. Accepted and ignored: imports of
 * ETSI's SOL001 type files and URLs, node and policy types we do not deploy. Rejected: anything
 * that would change what gets deployed (a VDU without compute, a CP bound to a missing VDU, a
 * policy targeting a missing VDU, ...). Stateless and thread-safe.
 */
public final class VnfdParser {
    /** Anchors/aliases are legal YAML but also the billion-laughs bomb; a VNFD needs few. */
    public static final int MAX_ALIASES = 20;
    /** A VNFD is a few kB; 4 Mi code points is generous and bounds parser memory. */
    public static final int MAX_CODE_POINTS = 4 * 1024 * 1024;

    public Vnfd parse(String file, String text) {
        return parse(file, text, f -> false);
    }

    /**
     * @param packageHasFile whether the package holds a file (CSAR path), to check local imports
     */
    public Vnfd parse(String file, String text, Predicate<String> packageHasFile) {
        YamlNode root = YamlNode.root(file, load(file, text)).asMap();
        String version = root.required("tosca_definitions_version", "tosca_simple_yaml_1_3 (or 1_2)")
                .asString("a TOSCA version");
        if (!version.startsWith("tosca_simple_yaml_1_") && !version.startsWith("tosca_simple_profile_for_nfv_1_")) {
            throw root.get("tosca_definitions_version").violation("tosca_simple_yaml_1_3 (or 1_2)",
                    "unsupported TOSCA version '" + version + "'");
        }
        checkImports(file, root.get("imports"), packageHasFile);
        ToscaTypes types = new ToscaTypes(root.get("node_types"));
        YamlNode templates = root.required("topology_template", "a topology_template with node_templates")
                .asMap().required("node_templates", "the VNF, its VDUs, CPs and virtual links").asMap();

        String vnfName = null;
        String vnfType = null;
        Map<String, YamlNode> vduNodes = new LinkedHashMap<>();
        Map<String, YamlNode> cpNodes = new LinkedHashMap<>();
        Map<String, YamlNode> vlNodes = new LinkedHashMap<>();
        for (var e : templates.entries().entrySet()) {
            YamlNode node = e.getValue().asMap();
            String type = node.required("type", "a node type").asString("a node type");
            if (types.isA(type, ToscaTypes.VNF)) {
                if (vnfName != null) {
                    throw node.violation("one node of type " + ToscaTypes.VNF,
                            "a second VNF node '" + e.getKey() + "' (the first is '" + vnfName + "')");
                }
                vnfName = e.getKey();
                vnfType = type;
            } else if (types.isA(type, ToscaTypes.VDU_COMPUTE)) {
                vduNodes.put(e.getKey(), node);
            } else if (types.isA(type, ToscaTypes.VDU_CP) || types.isA(type, ToscaTypes.VDU_CPD)) {
                cpNodes.put(e.getKey(), node);
            } else if (types.isA(type, ToscaTypes.VIRTUAL_LINK)) {
                vlNodes.put(e.getKey(), node);
            }
            // Anything else (storage, external CPs, vendor types) does not change what we deploy.
        }
        if (vnfName == null) {
            throw templates.violation("a node of type " + ToscaTypes.VNF + " (or a type derived from it)", "no VNF node");
        }
        if (vduNodes.isEmpty()) {
            throw templates.violation("at least one node of type " + ToscaTypes.VDU_COMPUTE, "no VDU");
        }
        YamlNode vnf = templates.get(vnfName);
        YamlNode vnfTypeDecl = types.declaration(vnfType);
        VnfIdentity identity = new VnfIdentity(
                vnfProperty(vnf, vnfTypeDecl, "descriptor_id"),
                vnfProperty(vnf, vnfTypeDecl, "descriptor_version"),
                vnfProperty(vnf, vnfTypeDecl, "provider"),
                vnfProperty(vnf, vnfTypeDecl, "product_name"),
                vnfProperty(vnf, vnfTypeDecl, "software_version"));
        String flavourId = vnfProperty(vnf, vnfTypeDecl, "flavour_id");
        String flavourDescription = vnf.get("properties").get("flavour_description").optString("a description").orElse("");

        Map<String, Vdu> vdus = new LinkedHashMap<>();
        vduNodes.forEach((id, node) -> vdus.put(id, vdu(id, node)));
        List<VirtualLink> vls = new ArrayList<>();
        vlNodes.forEach((id, node) -> vls.add(new VirtualLink(id,
                node.get("properties").get("description").optString("a description").orElse(""),
                strings(node.get("properties").get("connectivity_type").get("layer_protocols")))));
        List<ConnectionPoint> cps = new ArrayList<>();
        cpNodes.forEach((id, node) -> cps.add(connectionPoint(id, node, vdus, vlNodes)));

        DeploymentFlavour flavour = new PolicyReader(
                root.get("topology_template").get("policies"), vdus).read(flavourId, flavourDescription);
        return new Vnfd(identity, List.copyOf(vdus.values()), cps, vls, flavour,
                ConfigSchemaReader.read(root, types, vnfType));
    }

    /** YAML to plain maps/lists/scalars, bounded against alias bombs and huge documents. */
    public static Object load(String file, String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        try {
            Object doc = new Load(settings).loadFromString(text);
            if (doc == null) {
                throw new VnfdViolation(file, "(document)", "a TOSCA service template", "the document is empty");
            }
            return doc;
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)).orElse("(document)");
            throw new VnfdViolation(file, where, "well-formed YAML", "not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new VnfdViolation(file, "(document)",
                    "YAML with at most " + MAX_ALIASES + " aliases and " + MAX_CODE_POINTS + " code points",
                    "the YAML document was refused: " + e.getMessage());
        }
    }

    private static void checkImports(String file, YamlNode imports, Predicate<String> packageHasFile) {
        for (YamlNode item : imports.items()) {
            YamlNode target = item;
            if (item.isMap()) {
                Map<String, YamlNode> entries = item.entries();
                target = entries.containsKey("file") ? item.get("file")
                        : entries.size() == 1 ? entries.values().iterator().next() : item.get("file");
                if (target.isMap()) {
                    target = target.get("file");
                }
            }
            String name = target.asString("an import file name");
            if (name.contains("etsi_nfv_sol001") || name.matches("(?i)https?://.*")) {
                continue; // SOL001 base types are known by name; nothing to fetch
            }
            Path parent = Path.of(file).getParent();
            String resolved = (parent == null ? Path.of(name) : parent.resolve(name)).normalize().toString();
            if (!packageHasFile.test(resolved)) {
                throw target.violation("an ETSI SOL001 type file or a file inside the package",
                        "import '" + name + "' is not in the package");
            }
        }
    }

    /** A VNF property, from the template or else from its type's property default (SOL001 style). */
    private static String vnfProperty(YamlNode vnf, YamlNode typeDecl, String name) {
        YamlNode v = vnf.get("properties").get(name);
        if (v.isMissing()) {
            YamlNode decl = typeDecl.get("properties").get(name);
            v = decl.get("default");
            if (v.isMissing()) {
                List<YamlNode> constraints = decl.get("constraints").items();
                for (YamlNode c : constraints) {
                    List<YamlNode> valid = c.get("valid_values").items();
                    if (valid.size() == 1) {
                        v = valid.getFirst();
                    }
                }
            }
        }
        if (v.isMissing()) {
            throw vnf.get("properties").get(name).violation("the VNF's " + name, "'" + name + "' is required on the VNF node");
        }
        return v.asString("a non-empty " + name);
    }

    private static Vdu vdu(String id, YamlNode node) {
        YamlNode props = node.required("properties", "name and vdu_profile").asMap();
        VirtualCompute compute = ComputeReader.read(node);
        YamlNode profile = props.required("vdu_profile", "min_number_of_instances and max_number_of_instances");
        int min = profile.required("min_number_of_instances", "a VNFC count").asInt("a VNFC count", 0, 1000);
        YamlNode maxNode = profile.required("max_number_of_instances", "a VNFC count");
        int max = maxNode.asInt("a VNFC count no lower than min_number_of_instances " + min, Math.max(min, 1), 1000);
        Optional<SwImage> image = Optional.empty();
        YamlNode sw = props.get("sw_image_data");
        if (!sw.isMissing()) {
            sw.asMap();
            Optional<String> file = node.get("artifacts").get("sw_image").get("file").optString("a file in the package");
            image = Optional.of(new SwImage(
                    sw.required("name", "the image name").asString("an image name"),
                    sw.required("version", "the image version").asString("an image version"),
                    sw.get("container_format").optString("a container format").orElse("bare"),
                    sw.get("disk_format").optString("a disk format").orElse("qcow2"),
                    sw.get("min_disk").isMissing() ? 0 : ScalarUnits.bytes(sw.get("min_disk")),
                    file));
        }
        List<MonitoringParameter> monitoring = new ArrayList<>();
        YamlNode mp = props.get("monitoring_parameters");
        List<Map.Entry<String, YamlNode>> mpEntries = new ArrayList<>();
        if (mp.isList()) {
            for (YamlNode item : mp.items()) {
                mpEntries.add(Map.entry(item.asMap().get("name").asString("a parameter name"), item));
            }
        } else {
            mpEntries.addAll(mp.entries().entrySet()); // SOL001 3.x: a map keyed by parameter id
        }
        for (var e : mpEntries) {
            YamlNode p = e.getValue().asMap();
            monitoring.add(new MonitoringParameter(e.getKey(),
                    p.get("name").optString("a name").orElse(e.getKey()),
                    p.required("performance_metric", "a metric name").asString("a metric name"),
                    p.get("collection_period").isMissing() ? java.time.Duration.ofSeconds(1)
                            : ScalarUnits.duration(p.get("collection_period"))));
        }
        return new Vdu(id, props.required("name", "the VDU's name").asString("a name"),
                props.get("description").optString("a description").orElse(""),
                compute, min, max, image, monitoring);
    }

    private static ConnectionPoint connectionPoint(String id, YamlNode node, Map<String, Vdu> vdus,
                                                   Map<String, YamlNode> vls) {
        String vdu = null;
        String vl = null;
        for (YamlNode req : node.get("requirements").items()) {
            for (var e : req.entries().entrySet()) {
                YamlNode target = e.getValue().isMap() ? e.getValue().get("node") : e.getValue();
                switch (e.getKey()) {
                    case "virtual_binding" -> {
                        vdu = target.asString("a VDU name");
                        if (!vdus.containsKey(vdu)) {
                            throw target.violation("one of the VDUs " + vdus.keySet(), "CP '" + id + "' binds to unknown VDU '" + vdu + "'");
                        }
                    }
                    case "virtual_link" -> {
                        vl = target.asString("a virtual link name");
                        if (!vls.containsKey(vl)) {
                            throw target.violation("one of the virtual links " + vls.keySet(), "CP '" + id + "' links to unknown virtual link '" + vl + "'");
                        }
                    }
                    default -> { }
                }
            }
        }
        if (vdu == null) {
            throw node.get("requirements").violation("a virtual_binding requirement naming a VDU",
                    "CP '" + id + "' is not bound to a VDU");
        }
        YamlNode props = node.get("properties");
        YamlNode typeNode = props.get("mano.interface_type");
        InterfaceType type = typeNode.optString("virtio, vhost-user or sriov-vf")
                .map(t -> InterfaceType.fromYaml(t).orElseThrow(() ->
                        typeNode.violation("virtio, vhost-user or sriov-vf", "unknown interface type '" + t + "'")))
                .orElse(InterfaceType.VIRTIO);
        Optional<String> physnet = props.get("mano.physical_network").optString("a physical network name");
        if (type == InterfaceType.SRIOV_VF && physnet.isEmpty()) {
            throw props.get("mano.physical_network").violation("the physical network the VF comes from",
                    "an sriov-vf CP needs mano.physical_network");
        }
        int order = props.get("order").isMissing() ? 0 : props.get("order").asInt("an interface order", 0, 64);
        return new ConnectionPoint(id, vdu, Optional.ofNullable(vl), type, physnet, order,
                strings(props.get("layer_protocols")));
    }

    private static List<String> strings(YamlNode list) {
        return list.items().stream().map(n -> n.asString("a string")).toList();
    }
}
