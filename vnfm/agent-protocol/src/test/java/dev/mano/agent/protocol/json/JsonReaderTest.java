package dev.mano.agent.protocol.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() {
        JsonValue v = JsonReader.parse(" {\"a\": [1, -2.5e3, true, false, null, \"x\"], \"b\": {}} ");
        JsonValue expected = new JsonValue.Obj(Map.of(
                "a", new JsonValue.Arr(List.of(new JsonValue.Num("1"), new JsonValue.Num("-2.5e3"),
                        JsonValue.Bool.TRUE, JsonValue.Bool.FALSE, JsonValue.Null.INSTANCE, new JsonValue.Str("x"))),
                "b", new JsonValue.Obj(Map.of())));
        assertEquals(expected, v);
    }

    @Test
    void decodesEveryEscape() {
        JsonValue v = JsonReader.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\uD83D\\uDE00\"");
        assertEquals(new JsonValue.Str("q\" b\\ s/ \b\f\n\r\t \u00e9\uD83D\uDE00"), v);
    }

    @Test
    void keepsNumberLiteralsExactly() {
        JsonValue.Num n = (JsonValue.Num) JsonReader.parse("9223372036854775807");
        assertEquals(Long.MAX_VALUE, n.asLong());
        assertEquals(0.25, ((JsonValue.Num) JsonReader.parse("0.25")).asDouble());
        assertThrows(NumberFormatException.class, () -> ((JsonValue.Num) JsonReader.parse("1.5")).asLong());
        assertThrows(NumberFormatException.class, () -> ((JsonValue.Num) JsonReader.parse("9223372036854775808")).asLong());
    }

    /** Each malformed input must fail with the stated reason at the stated offset. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                    | 0 | unexpected end of input, expected a value
            `   `                 | 3 | unexpected end of input, expected a value
            `{`                   | 1 | expected a string key, found end of input
            `{"a"}`               | 4 | expected ':' after object key, found '}'
            `{"a":1,}`            | 7 | expected a string key, found '}'
            `{"a":1 "b":2}`       | 7 | expected ',' or '}' in object, found '"'
            `{a:1}`               | 1 | expected a string key, found 'a'
            `{"a":1,"a":2}`       | 7 | duplicate key "a"
            `[1,]`                | 3 | unexpected ']', expected a value
            `[1 2]`               | 3 | expected ',' or ']' in array, found '2'
            `[`                   | 1 | unexpected end of input, expected a value
            `"abc`                | 4 | unterminated string
            `"a\\x"`              | 3 | invalid escape \\x
            `"\\u12"`             | 1 | truncated \\u escape
            `"\\u12g4"`           | 5 | invalid hex digit 'g' in \\u escape
            `"\\`                 | 2 | unterminated escape
            `tru`                 | 0 | invalid literal, expected 'true'
            `nul`                 | 0 | invalid literal, expected 'null'
            `True`                | 0 | unexpected 'T', expected a value
            `01`                  | 1 | unexpected '1' after the value
            `-`                   | 1 | expected a digit, found end of input
            `1.`                  | 2 | expected a digit after '.', found end of input
            `1.e5`                | 2 | expected a digit after '.', found 'e'
            `1e`                  | 2 | expected a digit in exponent, found end of input
            `+1`                  | 0 | unexpected '+', expected a value
            `.5`                  | 0 | unexpected '.', expected a value
            `NaN`                 | 0 | unexpected 'N', expected a value
            `1 2`                 | 2 | unexpected '2' after the value
            `{} x`                | 3 | unexpected 'x' after the value
            `'a'`                 | 0 | unexpected ''', expected a value
            """)
    void rejectsMalformedInputPrecisely(String input, int offset, String reason) {
        String text = input == null ? "" : input;
        String expectedReason = reason;
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(text));
        assertEquals("JSON error at offset " + offset + ": " + expectedReason, e.getMessage());
        assertEquals(offset, e.offset());
    }

    @Test
    void rejectsRawControlCharactersInStrings() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("\"a\nb\""));
        assertEquals("JSON error at offset 2: unescaped control character '\\u000a' in string", e.getMessage());
    }

    @Test
    void boundsNestingDepth() {
        JsonLimits limits = new JsonLimits(4, 32);
        assertEquals(4, depth(JsonReader.parse("[[[[]]]]", limits)));
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("[[[[{}]]]]", limits));
        assertEquals("JSON error at offset 4: nesting deeper than 4", e.getMessage());
    }

    @Test
    void deepNestingFailsFastWithoutStackOverflow() {
        String hostile = "[".repeat(1_000_000);
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(hostile));
        assertTrue(e.getMessage().contains("nesting deeper than 16"), e.getMessage());
    }

    @Test
    void boundsNumberLength() {
        JsonLimits limits = new JsonLimits(4, 5);
        assertEquals(new JsonValue.Num("-1234"), JsonReader.parse("-1234", limits));
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("[123456]", limits));
        assertEquals("JSON error at offset 1: number longer than 5 characters", e.getMessage());
        assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("1.23456", limits));
        assertThrows(JsonSyntaxException.class, () -> JsonReader.parse("1e+9999", limits));
    }

    @Test
    void aHugeNumberIsRejectedWithoutReadingItAll() {
        String hostile = "1".repeat(10_000_000);
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(hostile));
        assertEquals("JSON error at offset 0: number longer than 32 characters", e.getMessage());
    }

    private static int depth(JsonValue v) {
        return switch (v) {
            case JsonValue.Arr a -> 1 + a.items().stream().mapToInt(JsonReaderTest::depth).max().orElse(0);
            case JsonValue.Obj o -> 1 + o.members().values().stream().mapToInt(JsonReaderTest::depth).max().orElse(0);
            default -> 0;
        };
    }
}
