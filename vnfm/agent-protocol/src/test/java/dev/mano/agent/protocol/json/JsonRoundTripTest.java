package dev.mano.agent.protocol.json;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Property: for every value, parse(write(v)) == v, and the written text is one ASCII line. */
class JsonRoundTripTest {

    private static final int CASES = 3000;

    @Test
    void randomValuesSurviveWriteThenParse() {
        Random random = new Random(20261126L);
        for (int i = 0; i < CASES; i++) {
            JsonValue v = randomValue(random, 1);
            String text = JsonWriter.write(v);
            assertFalse(text.contains("\n"), text);
            assertTrue(text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), text);
            assertEquals(v, JsonReader.parse(text), "case " + i + ": " + text);
        }
    }

    @Test
    void nonFiniteDoublesAreNotNumbers() {
        assertThrows(IllegalArgumentException.class, () -> JsonValue.Num.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.Num.of(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new JsonValue.Num("1}"));
    }

    @Test
    void numberLiteralsFollowTheJsonGrammarExactly() {
        for (String ok : List.of("0", "-0", "7", "-12", "1.5", "0.25", "1e9", "1E+9", "-2.5e-3", "1.0E-5")) {
            assertTrue(JsonValue.Num.isJsonNumber(ok), ok);
        }
        for (String bad : List.of("", "-", "01", "+1", ".5", "1.", "1e", "1e+", "0x10", "1 ", " 1", "NaN", "Infinity",
                "1.5.2", "--1", "1e5e5", "١")) {
            assertFalse(JsonValue.Num.isJsonNumber(bad), bad);
        }
    }

    private static JsonValue randomValue(Random r, int depth) {
        int kind = r.nextInt(depth >= JsonLimits.DEFAULT.maxDepth() ? 4 : 6);
        return switch (kind) {
            case 0 -> new JsonValue.Str(randomString(r));
            case 1 -> r.nextBoolean() ? JsonValue.Num.of(r.nextLong()) : JsonValue.Num.of(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
            case 2 -> r.nextBoolean() ? JsonValue.Bool.TRUE : JsonValue.Bool.FALSE;
            case 3 -> JsonValue.Null.INSTANCE;
            case 4 -> {
                List<JsonValue> items = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    items.add(randomValue(r, depth + 1));
                }
                yield new JsonValue.Arr(items);
            }
            default -> {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    members.put(randomString(r), randomValue(r, depth + 1));
                }
                yield new JsonValue.Obj(members);
            }
        };
    }

    /** Any UTF-16 code units, including controls, quotes, backslashes and lone surrogates. */
    private static String randomString(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            s.append(switch (r.nextInt(5)) {
                case 0 -> (char) r.nextInt(0x20);
                case 1 -> "\"\\/".charAt(r.nextInt(3));
                case 2 -> (char) r.nextInt(0x10000);
                default -> (char) (0x20 + r.nextInt(0x5f));
            });
        }
        return s.toString();
    }
}
