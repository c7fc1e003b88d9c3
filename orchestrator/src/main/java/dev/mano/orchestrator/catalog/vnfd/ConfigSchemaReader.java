package dev.mano.orchestrator.catalog.vnfd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the day-1 parameter schema (see {@link ConfigSchema} for where SOL001 puts it). */
final class ConfigSchemaReader {
    private ConfigSchemaReader() {}

    static ConfigSchema read(YamlNode root, ToscaTypes types, String vnfType) {
        for (String type : types.lineage(vnfType)) {
            YamlNode params = types.declaration(type).get("interfaces").get("Vnflcm").get("instantiate")
                    .get("inputs").get("additional_parameters");
            if (params.isMissing()) {
                continue;
            }
            YamlNode typeNode = params.required("type", "a data type derived from tosca.datatypes.nfv.VnfOperationAdditionalParameters");
            String dataType = typeNode.asString("a data type name");
            YamlNode decl = root.get("data_types").get(dataType);
            if (decl.isMissing()) {
                throw typeNode.violation("a data type declared under data_types", "unknown data type '" + dataType + "'");
            }
            Map<String, ConfigParameter> out = new LinkedHashMap<>();
            for (var e : decl.asMap().get("properties").entries().entrySet()) {
                out.put(e.getKey(), parameter(e.getKey(), e.getValue().asMap()));
            }
            return new ConfigSchema(dataType, out);
        }
        return ConfigSchema.NONE;
    }

    private static ConfigParameter parameter(String name, YamlNode def) {
        YamlNode typeNode = def.required("type", "string, integer, float, boolean, list or map");
        String t = typeNode.asString("a TOSCA type");
        ConfigParameter.ConfigType type;
        try {
            type = ConfigParameter.ConfigType.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw typeNode.violation("string, integer, float, boolean, list or map", "unsupported parameter type '" + t + "'");
        }
        boolean required = def.get("required").isMissing() || Boolean.TRUE.equals(def.get("required").value());
        Optional<Object> dflt = Optional.ofNullable(def.get("default").value());
        List<Object> valid = new ArrayList<>();
        Double min = null;
        Double max = null;
        for (YamlNode c : def.get("constraints").items()) {
            for (var e : c.entries().entrySet()) {
                switch (e.getKey()) {
                    case "valid_values" -> e.getValue().items().forEach(v -> valid.add(v.value()));
                    case "in_range" -> {
                        List<YamlNode> r = e.getValue().items();
                        if (r.size() != 2) throw e.getValue().violation("[min, max]", "in_range needs two bounds");
                        min = r.get(0).asDouble("a number", -Double.MAX_VALUE, Double.MAX_VALUE);
                        max = r.get(1).asDouble("a number", -Double.MAX_VALUE, Double.MAX_VALUE);
                    }
                    case "greater_or_equal" -> min = e.getValue().asDouble("a number", -Double.MAX_VALUE, Double.MAX_VALUE);
                    case "less_or_equal" -> max = e.getValue().asDouble("a number", -Double.MAX_VALUE, Double.MAX_VALUE);
                    default -> { } // other TOSCA constraints are not enforced yet
                }
            }
        }
        ConfigParameter p = new ConfigParameter(name, type, required, dflt,
                def.get("description").optString("a description").orElse(""), valid,
                Optional.ofNullable(min), Optional.ofNullable(max));
        dflt.flatMap(d -> p.problem(d)).ifPresent(problem -> {
            throw def.get("default").violation("a default that satisfies the parameter's type and constraints", problem);
        });
        return p;
    }
}
