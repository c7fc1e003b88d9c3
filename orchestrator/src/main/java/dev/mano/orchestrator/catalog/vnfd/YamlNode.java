package dev.mano.orchestrator.catalog.vnfd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value loaded from YAML together with where it sits in its file, so that every complaint
 * can name the exact path. Only the accessors the parser needs; each throws a
 * {@link VnfdViolation} saying what it expected.
 */
record YamlNode(String file, String path, Object value) {

    static YamlNode root(String file, Object value) {
        return new YamlNode(file, "", value);
    }

    VnfdViolation violation(String expected, String detail) {
        return new VnfdViolation(file, path.isEmpty() ? "(document)" : path, expected, detail);
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean isMissing() { return value == null; }
    boolean isMap() { return value instanceof Map<?, ?>; }
    boolean isList() { return value instanceof List<?>; }

    /** The child under {@code key}; a missing child is a node whose value is null. */
    YamlNode get(String key) {
        Object child = value instanceof Map<?, ?> m ? m.get(key) : null;
        return new YamlNode(file, childPath(key), child);
    }

    YamlNode required(String key, String expected) {
        YamlNode child = asMap().get(key);
        if (child.isMissing()) {
            throw child.violation(expected, "'" + key + "' is required at " + (path.isEmpty() ? "the top level" : path));
        }
        return child;
    }

    YamlNode asMap() {
        if (!isMap()) {
            throw violation("a mapping", "expected a mapping, found " + describe(value));
        }
        return this;
    }

    /** Entries of a mapping in document order; a missing node is an empty mapping. */
    Map<String, YamlNode> entries() {
        if (isMissing()) {
            return Map.of();
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) asMap().value).entrySet()) {
            String key = String.valueOf(e.getKey());
            out.put(key, new YamlNode(file, childPath(key), e.getValue()));
        }
        return out;
    }

    /** Items of a list; a missing node is an empty list. */
    List<YamlNode> items() {
        if (isMissing()) {
            return List.of();
        }
        if (!isList()) {
            throw violation("a list", "expected a list, found " + describe(value));
        }
        List<?> list = (List<?>) value;
        List<YamlNode> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    String asString(String expected) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value); // TOSCA versions like 1.0 load as numbers
        }
        throw violation(expected, "expected " + expected + ", found " + describe(value));
    }

    Optional<String> optString(String expected) {
        return isMissing() ? Optional.empty() : Optional.of(asString(expected));
    }

    /** An integer, also when written as a string (SOL001 vendor maps hold strings only). */
    long asLong(String expected, long min, long max) {
        long n;
        if (value instanceof Integer || value instanceof Long) {
            n = ((Number) value).longValue();
        } else if (value instanceof String s && s.strip().matches("-?\\d{1,18}")) {
            n = Long.parseLong(s.strip());
        } else {
            throw violation(expected, "expected " + expected + ", found " + describe(value));
        }
        if (n < min || n > max) {
            throw violation(expected, "expected " + expected + " between " + min + " and " + max + ", found " + n);
        }
        return n;
    }

    int asInt(String expected, int min, int max) {
        return (int) asLong(expected, min, max);
    }

    double asDouble(String expected, double min, double max) {
        double d;
        if (value instanceof Number num) {
            d = num.doubleValue();
        } else if (value instanceof String s && s.strip().matches("-?\\d+(\\.\\d+)?")) {
            d = Double.parseDouble(s.strip());
        } else {
            throw violation(expected, "expected " + expected + ", found " + describe(value));
        }
        if (!(d >= min && d <= max)) {
            throw violation(expected, "expected " + expected + " between " + min + " and " + max + ", found " + d);
        }
        return d;
    }

    static String describe(Object v) {
        if (v == null) return "nothing";
        if (v instanceof Map<?, ?>) return "a mapping";
        if (v instanceof List<?>) return "a list";
        if (v instanceof String s) return "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
        return v.getClass().getSimpleName().toLowerCase() + " " + v;
    }
}
