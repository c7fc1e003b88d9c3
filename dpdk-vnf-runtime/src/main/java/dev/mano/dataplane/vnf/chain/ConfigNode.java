package dev.mano.dataplane.vnf.chain;

import java.util.List;
import java.util.Map;

/**
 * A read-only walk over a parsed YAML/JSON tree (maps, lists, scalars) whose errors name the path of
 * the offending field, e.g. {@code router.routes[2].via}, so a bad config file says where it is bad.
 */
public record ConfigNode(String path, Object value) {

    public static ConfigNode root(String name, Object tree) {
        return new ConfigNode(name, tree);
    }

    public boolean has(String key) {
        return value instanceof Map<?, ?> map && map.get(key) != null;
    }

    public ConfigNode get(String key) {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid("must be a mapping");
        }
        Object child = map.get(key);
        if (child == null) {
            throw new IllegalArgumentException(path + "." + key + " is required");
        }
        return new ConfigNode(path + "." + key, child);
    }

    public ConfigNode getOr(String key, Object fallback) {
        return has(key) ? get(key) : new ConfigNode(path + "." + key, fallback);
    }

    public List<ConfigNode> list() {
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw invalid("must be a list");
        }
        java.util.ArrayList<ConfigNode> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new ConfigNode(path + "[" + i + "]", items.get(i)));
        }
        return nodes;
    }

    public List<ConfigNode> listOr(String key) {
        return has(key) ? get(key).list() : List.of();
    }

    public String text() {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw invalid("must be a scalar");
        }
        return String.valueOf(value);
    }

    public int integer() {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(text().trim());
        } catch (NumberFormatException e) {
            throw invalid("must be an integer, was '" + value + "'");
        }
    }

    public boolean bool() {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (text().trim()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid("must be true or false, was '" + value + "'");
        };
    }

    /** Applies a parser to the scalar and rewraps its IllegalArgumentException with this path. */
    public <T> T as(java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    public IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException(path + ": " + why);
    }
}
