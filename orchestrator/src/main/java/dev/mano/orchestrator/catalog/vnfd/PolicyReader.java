package dev.mano.orchestrator.catalog.vnfd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code topology_template.policies} (a list of single-entry mappings) into the flavour's
 * levels, aspects and autoscaling policies. Policies are read by type, not in document order, so
 * references between them may point forwards. Policy types we do not know are ignored.
 */
final class PolicyReader {
    static final String SCALING_ASPECTS = "tosca.policies.nfv.ScalingAspects";
    static final String VDU_SCALING_DELTAS = "tosca.policies.nfv.VduScalingAspectDeltas";
    static final String INSTANTIATION_LEVELS = "tosca.policies.nfv.InstantiationLevels";
    static final String VDU_INSTANTIATION_LEVELS = "tosca.policies.nfv.VduInstantiationLevels";
    static final String VDU_INITIAL_DELTA = "tosca.policies.nfv.VduInitialDelta";
    static final String AUTOSCALING = "mano.policies.Autoscaling";

    private record Policy(String name, String type, YamlNode node) {
        YamlNode properties() { return node.get("properties"); }
    }

    private record AspectDraft(String id, String name, String description, int maxScaleLevel,
                               YamlNode stepDeltasNode, Map<String, Map<String, Integer>> vduDeltas) {}

    private final Map<String, Vdu> vdus;
    private final List<Policy> policies = new ArrayList<>();

    PolicyReader(YamlNode policiesNode, Map<String, Vdu> vdus) {
        this.vdus = vdus;
        for (YamlNode item : policiesNode.items()) {
            Map<String, YamlNode> single = item.entries();
            if (single.size() != 1) {
                throw item.violation("a single-entry mapping {policy_name: {type: ..., properties: ...}}",
                        "a policy list item must name exactly one policy");
            }
            var e = single.entrySet().iterator().next();
            YamlNode node = e.getValue().asMap();
            policies.add(new Policy(e.getKey(), node.required("type", "a policy type").asString("a policy type"), node));
        }
    }

    DeploymentFlavour read(String flavourId, String flavourDescription) {
        Map<String, AspectDraft> aspects = aspects();
        deltas(aspects);
        List<ScalingAspect> scalingAspects = aspects.values().stream().map(this::finish).toList();
        Map<String, ScalingAspect> aspectById = new LinkedHashMap<>();
        scalingAspects.forEach(a -> aspectById.put(a.id(), a));

        Map<String, InstantiationLevel> levels = new LinkedHashMap<>();
        String defaultLevel = null;
        for (Policy p : ofType(INSTANTIATION_LEVELS)) {
            for (var e : p.properties().required("levels", "a mapping of level id to level").entries().entrySet()) {
                YamlNode level = e.getValue().asMap();
                Map<String, Integer> scale = new LinkedHashMap<>();
                for (var s : level.get("scale_info").entries().entrySet()) {
                    ScalingAspect aspect = aspectById.get(s.getKey());
                    if (aspect == null) {
                        throw s.getValue().violation("one of the scaling aspects " + aspectById.keySet(),
                                "scale_info names an unknown aspect '" + s.getKey() + "'");
                    }
                    scale.put(s.getKey(), s.getValue().required("scale_level", "the aspect's scale level")
                            .asInt("a scale level within the aspect's max_scale_level", 0, aspect.maxScaleLevel()));
                }
                levels.put(e.getKey(), new InstantiationLevel(e.getKey(),
                        level.get("description").optString("a description").orElse(""), Map.of(), scale));
            }
            YamlNode def = p.properties().get("default_level");
            if (!def.isMissing()) {
                defaultLevel = def.asString("a level id");
                if (!levels.containsKey(defaultLevel)) {
                    throw def.violation("one of the levels " + levels.keySet(), "default_level names an unknown level");
                }
            }
        }
        Map<String, Map<String, Integer>> vduInstancesByLevel = new LinkedHashMap<>();
        for (Policy p : ofType(VDU_INSTANTIATION_LEVELS)) {
            List<String> targets = vduTargets(p);
            for (var e : p.properties().required("levels", "a mapping of level id to number_of_instances").entries().entrySet()) {
                if (!levels.containsKey(e.getKey())) {
                    throw e.getValue().violation("a level declared by " + INSTANTIATION_LEVELS + " " + levels.keySet(),
                            "unknown instantiation level '" + e.getKey() + "'");
                }
                for (String vduId : targets) {
                    Vdu vdu = vdus.get(vduId);
                    int n = e.getValue().required("number_of_instances", "a VNFC count").asInt(
                            "a VNFC count within the VDU's vdu_profile", vdu.minInstances(), vdu.maxInstances());
                    vduInstancesByLevel.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(vduId, n);
                }
            }
        }
        if (levels.isEmpty()) {
            levels.put("default", new InstantiationLevel("default", "every VDU at its minimum", Map.of(), Map.of()));
        }
        List<InstantiationLevel> finished = levels.values().stream().map(l -> new InstantiationLevel(l.id(),
                l.description(), vduInstancesByLevel.getOrDefault(l.id(), Map.of()), l.aspectScaleLevels())).toList();
        if (defaultLevel == null) {
            defaultLevel = finished.getFirst().id();
        }
        for (Policy p : ofType(VDU_INITIAL_DELTA)) {
            vduTargets(p); // only checked: the initial size comes from the instantiation level
        }
        return new DeploymentFlavour(flavourId, flavourDescription, finished, defaultLevel, scalingAspects,
                autoscaling(aspectById));
    }

    private List<Policy> ofType(String type) {
        return policies.stream().filter(p -> p.type().equals(type)).toList();
    }

    private Map<String, AspectDraft> aspects() {
        Map<String, AspectDraft> out = new LinkedHashMap<>();
        for (Policy p : ofType(SCALING_ASPECTS)) {
            for (var e : p.properties().required("aspects", "a mapping of aspect id to aspect").entries().entrySet()) {
                YamlNode a = e.getValue().asMap();
                out.put(e.getKey(), new AspectDraft(e.getKey(),
                        a.get("name").optString("a name").orElse(e.getKey()),
                        a.get("description").optString("a description").orElse(""),
                        a.required("max_scale_level", "the number of scaling steps").asInt("a scale level", 1, 1000),
                        a.get("step_deltas"), new LinkedHashMap<>()));
            }
        }
        return out;
    }

    private void deltas(Map<String, AspectDraft> aspects) {
        for (Policy p : ofType(VDU_SCALING_DELTAS)) {
            YamlNode aspectNode = p.properties().required("aspect", "a scaling aspect id");
            AspectDraft aspect = aspects.get(aspectNode.asString("a scaling aspect id"));
            if (aspect == null) {
                throw aspectNode.violation("one of the scaling aspects " + aspects.keySet(), "unknown aspect");
            }
            List<String> targets = vduTargets(p);
            for (var d : p.properties().required("deltas", "a mapping of delta id to number_of_instances").entries().entrySet()) {
                int n = d.getValue().required("number_of_instances", "VNFCs added per step").asInt("a VNFC count", 0, 1000);
                for (String vduId : targets) {
                    aspect.vduDeltas().computeIfAbsent(vduId, k -> new LinkedHashMap<>()).put(d.getKey(), n);
                }
            }
        }
    }

    private ScalingAspect finish(AspectDraft a) {
        var declared = a.vduDeltas().values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
        List<String> steps = new ArrayList<>();
        for (YamlNode step : a.stepDeltasNode().items()) {
            String id = step.asString("a delta id");
            if (!declared.contains(id)) {
                throw step.violation("a delta declared by a " + VDU_SCALING_DELTAS + " of aspect " + a.id() + " " + declared,
                        "step_deltas names an unknown delta '" + id + "'");
            }
            steps.add(id);
        }
        if (steps.isEmpty()) {
            if (declared.size() != 1) {
                throw a.stepDeltasNode().violation("step_deltas (the aspect has " + declared.size() + " deltas)",
                        "aspect '" + a.id() + "' needs step_deltas naming a delta of a " + VDU_SCALING_DELTAS);
            }
            steps.add(declared.getFirst());
        }
        return new ScalingAspect(a.id(), a.name(), a.description(), a.maxScaleLevel(), steps, a.vduDeltas());
    }

    private List<AutoscalingPolicy> autoscaling(Map<String, ScalingAspect> aspects) {
        List<AutoscalingPolicy> out = new ArrayList<>();
        for (Policy p : ofType(AUTOSCALING)) {
            YamlNode props = p.properties().asMap();
            YamlNode aspectNode = props.required("aspect", "a scaling aspect id");
            ScalingAspect aspect = aspects.get(aspectNode.asString("a scaling aspect id"));
            if (aspect == null) {
                throw aspectNode.violation("one of the scaling aspects " + aspects.keySet(), "unknown aspect");
            }
            YamlNode metricNode = props.required("metric", "busy_ratio or drop_rate");
            String metricName = metricNode.asString("busy_ratio or drop_rate");
            ScalingMetric metric = switch (metricName.toLowerCase(Locale.ROOT)) {
                case "busy_ratio" -> ScalingMetric.BUSY_RATIO;
                case "drop_rate" -> ScalingMetric.DROP_RATE;
                default -> throw metricNode.violation("busy_ratio or drop_rate", "unknown metric '" + metricName + "'");
            };
            double out_ = props.required("scale_out_threshold", "a fraction in [0, 1]").asDouble("a fraction", 0, 1);
            YamlNode inNode = props.required("scale_in_threshold", "a fraction below scale_out_threshold");
            double in = inNode.asDouble("a fraction", 0, 1);
            if (in >= out_) {
                throw inNode.violation("a fraction below scale_out_threshold " + out_, "scale_in_threshold must be lower");
            }
            List<String> targets = p.node().get("targets").isMissing()
                    ? List.copyOf(aspect.vduDeltas().keySet()) : vduTargets(p);
            out.add(new AutoscalingPolicy(p.name(), aspect.id(), metric, out_, in,
                    ScalarUnits.duration(props.required("window", "an averaging window such as '30 s'")),
                    ScalarUnits.duration(props.required("cooldown", "a cooldown such as '60 s'")), targets));
        }
        return out;
    }

    private List<String> vduTargets(Policy p) {
        YamlNode targetsNode = p.node().required("targets", "a list of VDU names");
        List<String> out = new ArrayList<>();
        for (YamlNode t : targetsNode.items()) {
            String id = t.asString("a VDU name");
            if (!vdus.containsKey(id)) {
                throw t.violation("one of the VDUs " + vdus.keySet(), "policy '" + p.name() + "' targets unknown VDU '" + id + "'");
            }
            out.add(id);
        }
        if (out.isEmpty()) {
            throw targetsNode.violation("at least one VDU name", "policy '" + p.name() + "' has no targets");
        }
        return out;
    }
}
