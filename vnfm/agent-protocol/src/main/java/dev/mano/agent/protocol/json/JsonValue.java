package dev.mano.agent.protocol.json;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed JSON value. Numbers keep their literal text so that nothing is lost between
 * reading and writing; callers choose {@link Num#asLong()} or {@link Num#asDouble()}.
 */
public sealed interface JsonValue {

    /** An object; iteration order is the order the members were read or put. */
    record Obj(Map<String, JsonValue> members) implements JsonValue {
        public Obj {
            members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
        }
    }

    record Arr(List<JsonValue> items) implements JsonValue {
        public Arr {
            items = List.copyOf(items);
        }
    }

    record Str(String value) implements JsonValue {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number as its JSON literal, already validated against the JSON grammar. */
    record Num(String literal) implements JsonValue {
        /** Validated, because the writer copies the literal verbatim into the output. */
        public Num {
            Objects.requireNonNull(literal, "literal");
            if (!isJsonNumber(literal)) {
                throw new IllegalArgumentException("not a JSON number: " + literal);
            }
        }

        /** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? by hand: a regex here cost most of a heartbeat's decoding. */
        static boolean isJsonNumber(String s) {
            int i = 0;
            int n = s.length();
            if (i < n && s.charAt(i) == '-') {
                i++;
            }
            if (i >= n) {
                return false;
            }
            if (s.charAt(i) == '0') {
                i++;
            } else if (digit(s, i)) {
                while (digit(s, i)) {
                    i++;
                }
            } else {
                return false;
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
                if (!digit(s, i)) {
                    return false;
                }
                while (digit(s, i)) {
                    i++;
                }
            }
            if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                if (!digit(s, i)) {
                    return false;
                }
                while (digit(s, i)) {
                    i++;
                }
            }
            return i == n;
        }

        private static boolean digit(String s, int i) {
            return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }

        public static Num of(long value) {
            return new Num(Long.toString(value));
        }

        /** JSON has no NaN or infinity, so a non-finite double cannot be a JSON number. */
        public static Num of(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("JSON has no representation for " + value);
            }
            return new Num(Double.toString(value));
        }

        /** The exact integer, or an error when the literal has a fraction, an exponent or is out of range. */
        public long asLong() {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException e) {
                throw new NumberFormatException("not a 64-bit integer: " + literal);
            }
        }

        public double asDouble() {
            return Double.parseDouble(literal);
        }
    }

    record Bool(boolean value) implements JsonValue {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);
    }

    enum Null implements JsonValue {
        INSTANCE
    }

    /** A short name of this value's kind, for error messages. */
    default String kind() {
        return switch (this) {
            case Obj o -> "object";
            case Arr a -> "array";
            case Str s -> "string";
            case Num n -> "number";
            case Bool b -> "boolean";
            case Null n -> "null";
        };
    }
}
