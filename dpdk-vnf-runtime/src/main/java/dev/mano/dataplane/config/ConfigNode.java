package dev.mano.dataplane.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node of the YAML configuration with its path (ports[1].queues), so that every error says exactly
 * where it is. Unknown keys are errors too: a typo must not silently fall back to a default.
 */
public final class ConfigNode {
    private final String source;
    private final String path;
    private final Map<String, Object> values;

    public ConfigNode(String source, String path, Map<String, Object> values) {
        this.source = source;
        this.path = path;
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    public static ConfigNode root(String source, Object document) {
        if (document == null) {
            return new ConfigNode(source, "", Map.of());
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigException(source + ": the top level must be a mapping (key: value), got " + describe(document));
        }
        return new ConfigNode(source, "", (Map<String, Object>) map);
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public ConfigException error(String key, String message) {
        return new ConfigException(source + ": " + at(key) + ": " + message);
    }

    public ConfigException error(String message) {
        return new ConfigException(source + ": " + (path.isEmpty() ? "(top level)" : path) + ": " + message);
    }

    public String path() {
        return path;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Fails on any key not in {@code allowed}. */
    public void onlyKeys(Set<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw error(key, "unknown key (allowed here: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    public String string(String key) {
        return optionalString(key).orElseThrow(() -> error(key, "is required"));
    }

    public Optional<String> optionalString(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw error(key, "expected a string, got " + describe(value));
        }
        return Optional.of(value.toString());
    }

    public int integer(String key, int defaultValue, int min, int max) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number number) || number.longValue() != number.doubleValue()) {
            throw error(key, "expected an integer in " + min + ".." + max + ", got " + describe(value));
        }
        long n = number.longValue();
        if (n < min || n > max) {
            throw error(key, "expected an integer in " + min + ".." + max + ", got " + n);
        }
        return (int) n;
    }

    public Optional<ConfigNode> optionalNode(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(child(at(key), value));
    }

    public ConfigNode node(String key) {
        return optionalNode(key).orElseThrow(() -> error(key, "is required"));
    }

    @SuppressWarnings("unchecked")
    private ConfigNode child(String childPath, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException(source + ": " + childPath + ": expected a mapping (key: value), got " + describe(value));
        }
        return new ConfigNode(source, childPath, (Map<String, Object>) map);
    }

    /** A list of mappings. */
    public List<ConfigNode> nodes(String key) {
        List<ConfigNode> nodes = new ArrayList<>();
        List<?> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            nodes.add(child(at(key) + "[" + i + "]", items.get(i)));
        }
        return nodes;
    }

    /** A list of scalars or lists, as YAML gave them. */
    public List<?> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw error(key, "is required");
        }
        if (!(value instanceof List<?> list)) {
            throw error(key, "expected a list, got " + describe(value));
        }
        return list;
    }

    /** A mapping of string keys to strings. */
    public Map<String, String> stringMap(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error(key, "expected a mapping, got " + describe(value));
        }
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((k, v) -> strings.put(String.valueOf(k), String.valueOf(v)));
        return strings;
    }

    static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
