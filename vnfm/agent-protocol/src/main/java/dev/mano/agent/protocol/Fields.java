package dev.mano.agent.protocol;

import dev.mano.agent.protocol.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Typed reads of an object's members, with errors that name the full path of the
 * offending field (e.g. {@code heartbeat.ports[2].rxPackets}). Unknown members are
 * ignored so that a newer agent can add fields without breaking an older VNFM.
 */
final class Fields {

    private final JsonValue.Obj obj;
    private final String path;

    Fields(JsonValue.Obj obj, String path) {
        this.obj = obj;
        this.path = path;
    }

    static Fields of(JsonValue value, String path) {
        if (value instanceof JsonValue.Obj o) {
            return new Fields(o, path);
        }
        throw new ProtocolException(path + ": expected an object, found " + value.kind());
    }

    String string(String name) {
        return switch (required(name)) {
            case JsonValue.Str s -> s.value();
            case JsonValue other -> throw mistyped(name, "a string", other);
        };
    }

    /** A string member that may be absent or null. */
    String optionalString(String name) {
        JsonValue v = obj.members().get(name);
        return switch (v) {
            case null -> null;
            case JsonValue.Null n -> null;
            case JsonValue.Str s -> s.value();
            default -> throw mistyped(name, "a string or null", v);
        };
    }

    long integer(String name) {
        return integer(required(name), path + "." + name);
    }

    int smallInteger(String name) {
        long v = integer(name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ProtocolException(path + "." + name + ": " + v + " is out of the 32-bit range");
        }
        return (int) v;
    }

    double number(String name) {
        return switch (required(name)) {
            case JsonValue.Num n -> n.asDouble();
            case JsonValue other -> throw mistyped(name, "a number", other);
        };
    }

    boolean bool(String name) {
        return switch (required(name)) {
            case JsonValue.Bool b -> b.value();
            case JsonValue other -> throw mistyped(name, "a boolean", other);
        };
    }

    <T> List<T> list(String name, BiFunction<JsonValue, String, T> item) {
        JsonValue v = required(name);
        if (!(v instanceof JsonValue.Arr arr)) {
            throw mistyped(name, "an array", v);
        }
        List<T> out = new ArrayList<>(arr.items().size());
        for (int i = 0; i < arr.items().size(); i++) {
            out.add(item.apply(arr.items().get(i), path + "." + name + "[" + i + "]"));
        }
        return out;
    }

    <T> Map<String, T> map(String name, BiFunction<JsonValue, String, T> value) {
        JsonValue v = required(name);
        if (!(v instanceof JsonValue.Obj o)) {
            throw mistyped(name, "an object", v);
        }
        Map<String, T> out = new LinkedHashMap<>();
        o.members().forEach((k, item) -> out.put(k, value.apply(item, path + "." + name + "." + k)));
        return out;
    }

    static long integer(JsonValue v, String where) {
        if (!(v instanceof JsonValue.Num n)) {
            throw new ProtocolException(where + ": expected an integer, found " + v.kind());
        }
        try {
            return n.asLong();
        } catch (NumberFormatException e) {
            throw new ProtocolException(where + ": expected a 64-bit integer, found " + n.literal());
        }
    }

    static String string(JsonValue v, String where) {
        if (v instanceof JsonValue.Str s) {
            return s.value();
        }
        throw new ProtocolException(where + ": expected a string, found " + v.kind());
    }

    private JsonValue required(String name) {
        JsonValue v = obj.members().get(name);
        if (v == null) {
            throw new ProtocolException(path + "." + name + ": missing");
        }
        return v;
    }

    private ProtocolException mistyped(String name, String expected, JsonValue found) {
        return new ProtocolException(path + "." + name + ": expected " + expected + ", found " + found.kind());
    }
}
