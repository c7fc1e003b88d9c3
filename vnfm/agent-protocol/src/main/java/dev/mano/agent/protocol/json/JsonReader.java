package dev.mano.agent.protocol.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser for one JSON text. Recursive descent, bounded by
 * {@link JsonLimits}: nesting deeper than the limit and number literals longer than the
 * limit are rejected before any work proportional to them is done. Duplicate object keys
 * are rejected, since a peer sending two values for one key is either broken or probing.
 */
public final class JsonReader {

    private final String text;
    private final JsonLimits limits;
    private int pos;

    private JsonReader(String text, JsonLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    public static JsonValue parse(String text) {
        return parse(text, JsonLimits.DEFAULT);
    }

    public static JsonValue parse(String text, JsonLimits limits) {
        JsonReader reader = new JsonReader(text, limits);
        reader.skipWhitespace();
        JsonValue value = reader.value(1);
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.error("unexpected " + reader.describe(reader.pos) + " after the value");
        }
        return value;
    }

    private JsonValue value(int depth) {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new JsonValue.Str(string());
            case 't' -> literal("true", JsonValue.Bool.TRUE);
            case 'f' -> literal("false", JsonValue.Bool.FALSE);
            case 'n' -> literal("null", JsonValue.Null.INSTANCE);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected " + describe(pos) + ", expected a value");
            }
        };
    }

    private JsonValue object(int depth) {
        checkDepth(depth);
        pos++; // '{'
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new JsonValue.Obj(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key, found " + describe(pos));
            }
            int keyStart = pos;
            String key = string();
            if (members.containsKey(key)) {
                throw new JsonSyntaxException("duplicate key \"" + key + "\"", keyStart);
            }
            skipWhitespace();
            expect(':', "after object key");
            skipWhitespace();
            members.put(key, value(depth + 1));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return new JsonValue.Obj(members);
            } else {
                throw error("expected ',' or '}' in object, found " + describe(pos));
            }
        }
    }

    private JsonValue array(int depth) {
        checkDepth(depth);
        pos++; // '['
        List<JsonValue> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonValue.Arr(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth + 1));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return new JsonValue.Arr(items);
            } else {
                throw error("expected ',' or ']' in array, found " + describe(pos));
            }
        }
    }

    private void checkDepth(int depth) {
        if (depth > limits.maxDepth()) {
            throw error("nesting deeper than " + limits.maxDepth());
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character " + describe(pos) + " in string");
            }
            if (c != '\\') {
                out.append(c);
                pos++;
                continue;
            }
            pos++;
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos);
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append(hex4());
                    continue; // hex4 advanced pos past the digits
                }
                default -> throw error("invalid escape \\" + printable(e));
            }
            pos++;
        }
    }

    private char hex4() {
        int start = pos + 1;
        if (start + 4 > text.length()) {
            throw new JsonSyntaxException("truncated \\u escape", pos - 1);
        }
        int v = 0;
        for (int i = start; i < start + 4; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                throw new JsonSyntaxException("invalid hex digit " + describe(i) + " in \\u escape", i);
            }
            v = v * 16 + d;
        }
        pos = start + 4;
        return (char) v;
    }

    private JsonValue number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits(start);
        } else {
            throw error("expected a digit, found " + describe(pos));
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.', found " + describe(pos));
            }
            digits(start);
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in exponent, found " + describe(pos));
            }
            digits(start);
        }
        checkNumberLength(start);
        return new JsonValue.Num(text.substring(start, pos));
    }

    private void digits(int numberStart) {
        while (isDigit(peek())) {
            pos++;
            checkNumberLength(numberStart);
        }
    }

    private void checkNumberLength(int start) {
        if (pos - start > limits.maxNumberLength()) {
            throw new JsonSyntaxException("number longer than " + limits.maxNumberLength() + " characters", start);
        }
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal, expected '" + word + "'");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c, String where) {
        if (peek() != c) {
            throw error("expected '" + c + "' " + where + ", found " + describe(pos));
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    /** The current character, or 0 at the end (0 is never valid where peek is used). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String describe(int at) {
        return at >= text.length() ? "end of input" : "'" + printable(text.charAt(at)) + "'";
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private JsonSyntaxException error(String reason) {
        return new JsonSyntaxException(reason, pos);
    }
}
