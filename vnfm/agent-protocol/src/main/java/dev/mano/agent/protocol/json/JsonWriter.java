package dev.mano.agent.protocol.json;

import java.util.Iterator;
import java.util.Map;

/**
 * Writes a {@link JsonValue} as compact JSON on one line. Output is pure ASCII: every
 * character outside printable ASCII is a {@code \\uXXXX} escape, so a line can never
 * contain a raw newline (the frame separator) and needs no decision about encodings.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder(128);
        write(value, out);
        return out.toString();
    }

    public static void write(JsonValue value, StringBuilder out) {
        switch (value) {
            case JsonValue.Obj o -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonValue>> it = o.members().entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonValue> member = it.next();
                    string(member.getKey(), out);
                    out.append(':');
                    write(member.getValue(), out);
                    if (it.hasNext()) {
                        out.append(',');
                    }
                }
                out.append('}');
            }
            case JsonValue.Arr a -> {
                out.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(a.items().get(i), out);
                }
                out.append(']');
            }
            case JsonValue.Str s -> string(s.value(), out);
            case JsonValue.Num n -> out.append(n.literal());
            case JsonValue.Bool b -> out.append(b.value());
            case JsonValue.Null n -> out.append("null");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
