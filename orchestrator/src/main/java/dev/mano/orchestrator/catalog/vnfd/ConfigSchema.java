package dev.mano.orchestrator.catalog.vnfd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The day-1 configuration a VNF accepts at instantiation (InstantiateVnfRequest.additionalParams).
 * Declared the SOL001 way: the VNF node type's {@code interfaces.Vnflcm.instantiate.inputs
 * .additional_parameters.type} names a data type (derived from
 * tosca.datatypes.nfv.VnfOperationAdditionalParameters) whose properties are the parameters.
 */
public record ConfigSchema(String dataType, Map<String, ConfigParameter> parameters) {

    public static final ConfigSchema NONE = new ConfigSchema("", Map.of());

    public ConfigSchema {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** What is wrong with {@code values} (unknown names, missing required ones, bad values). */
    public List<String> problems(Map<String, ?> values) {
        List<String> out = new ArrayList<>();
        values.keySet().stream().filter(k -> !parameters.containsKey(k))
                .forEach(k -> out.add(k + ": not a parameter of " + (dataType.isEmpty() ? "this VNF" : dataType)));
        parameters.values().forEach(p -> p.problem(values.get(p.name())).ifPresent(out::add));
        return out;
    }

    /** {@code values} completed with the defaults of the parameters it does not set. */
    public Map<String, Object> withDefaults(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        parameters.values().forEach(p -> p.defaultValue().ifPresent(d -> out.putIfAbsent(p.name(), d)));
        return out;
    }
}
