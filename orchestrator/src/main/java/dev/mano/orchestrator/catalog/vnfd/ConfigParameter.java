package dev.mano.orchestrator.catalog.vnfd;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One day-1 parameter: a TOSCA property definition (type, required, default, constraints
 * valid_values / in_range).
 */
public record ConfigParameter(
        String name,
        ConfigType type,
        boolean required,
        Optional<Object> defaultValue,
        String description,
        List<Object> validValues,
        Optional<Double> min,
        Optional<Double> max) {

    public ConfigParameter {
        validValues = List.copyOf(validValues);
    }

    public enum ConfigType {
        STRING, INTEGER, FLOAT, BOOLEAN, LIST, MAP;

        boolean accepts(Object v) {
            return switch (this) {
                case STRING -> v instanceof String;
                case INTEGER -> v instanceof Integer || v instanceof Long;
                case FLOAT -> v instanceof Number;
                case BOOLEAN -> v instanceof Boolean;
                case LIST -> v instanceof List<?>;
                case MAP -> v instanceof Map<?, ?>;
            };
        }
    }

    Optional<String> problem(Object value) {
        if (value == null) {
            return required && defaultValue.isEmpty() ? Optional.of(name + ": required") : Optional.empty();
        }
        if (!type.accepts(value)) {
            return Optional.of(name + ": expected " + type.name().toLowerCase());
        }
        if (!validValues.isEmpty() && !validValues.contains(value)) {
            return Optional.of(name + ": expected one of " + validValues);
        }
        if (value instanceof Number n && (min.map(m -> n.doubleValue() < m).orElse(false)
                || max.map(m -> n.doubleValue() > m).orElse(false))) {
            return Optional.of(name + ": expected a value in [" + min.orElse(null) + ", " + max.orElse(null) + "]");
        }
        return Optional.empty();
    }
}
