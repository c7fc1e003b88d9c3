package dev.mano.agent.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BoundedLineReaderTest {

    @Test
    void splitsLinesAndStripsCarriageReturns() throws IOException {
        BoundedLineReader r = reader("a\nbc\r\n\nd\u00e9\n", 16);
        assertEquals("a", r.readLine());
        assertEquals("bc", r.readLine());
        assertEquals("", r.readLine());
        assertEquals("d\u00e9", r.readLine());
        assertNull(r.readLine());
    }

    @Test
    void dropsAnUnterminatedTailAtTheEndOfTheStream() throws IOException {
        BoundedLineReader r = reader("whole\npartial", 16);
        assertEquals("whole", r.readLine());
        assertNull(r.readLine());
    }

    @Test
    void skipsAnOverlongLineAndCarriesOnWithTheNext() throws IOException {
        BoundedLineReader r = reader("12345678\n123456789\n" + "x".repeat(100_000) + "\nok\n", 8);
        assertEquals("12345678", r.readLine());
        ProtocolException first = assertThrows(ProtocolException.class, r::readLine);
        assertEquals("line of 9 bytes exceeds the limit of 8 bytes; dropped", first.getMessage());
        ProtocolException second = assertThrows(ProtocolException.class, r::readLine);
        assertEquals("line of 100000 bytes exceeds the limit of 8 bytes; dropped", second.getMessage());
        assertEquals("ok", r.readLine());
        assertNull(r.readLine());
    }

    @Test
    void aLineOfExactlyTheLimitWithCrlfIsAccepted() throws IOException {
        assertEquals("12345678", reader("12345678\r\n", 8).readLine());
    }

    @Test
    void rejectsInvalidUtf8AndCarriesOn() throws IOException {
        byte[] bytes = {'a', (byte) 0xc3, '\n', 'b', '\n'};
        BoundedLineReader r = new BoundedLineReader(new ByteArrayInputStream(bytes), 16);
        ProtocolException e = assertThrows(ProtocolException.class, r::readLine);
        assertEquals("line is not valid UTF-8; dropped", e.getMessage());
        assertEquals("b", r.readLine());
    }

    /** An endless line without a newline must not grow memory: the reader holds at most the limit. */
    @Test
    void anEndlessLineIsConsumedInBoundedMemory() {
        InputStream endless = new InputStream() {
            long left = 200L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        BoundedLineReader r = new BoundedLineReader(endless, 1024);
        // 200 MiB pass through an 8 KiB chunk; the unterminated tail is dropped at the end
        assertDoesNotThrowIo(r);
    }

    private static void assertDoesNotThrowIo(BoundedLineReader r) {
        try {
            assertNull(r.readLine());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static BoundedLineReader reader(String text, int max) {
        return new BoundedLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }
}
