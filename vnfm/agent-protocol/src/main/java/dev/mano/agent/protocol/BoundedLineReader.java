package dev.mano.agent.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into newline-terminated UTF-8 lines without ever holding more
 * than {@code maxLineBytes} of one line. A longer line is skipped up to its newline and
 * reported as a {@link ProtocolException}; the reader then carries on with the next
 * line, so one hostile frame cannot desynchronise or exhaust the receiver.
 * Not thread-safe: one reader thread per connection.
 */
public final class BoundedLineReader {

    /** A heartbeat of 128 lcores and 32 ports is under 10 KiB; 64 KiB leaves room. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[8192];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line;
    private int lineLength;

    public BoundedLineReader(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES);
    }

    public BoundedLineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[Math.min(maxLineBytes, 1024)];
    }

    /**
     * The next line without its terminator ({@code \n} or {@code \r\n}), or null at the
     * end of the stream. Bytes after the last newline are an unfinished frame and are
     * dropped at the end of the stream.
     *
     * @throws ProtocolException when the line is longer than the bound or not UTF-8;
     *                           the line has been consumed and the next call reads on
     */
    public String readLine() throws IOException {
        lineLength = 0;
        boolean overflow = false;
        long overflowBytes = 0;
        while (true) {
            if (chunkPos == chunkEnd) {
                int n = in.read(chunk);
                if (n < 0) {
                    return null;
                }
                chunkPos = 0;
                chunkEnd = n;
            }
            int newline = -1;
            for (int i = chunkPos; i < chunkEnd; i++) {
                if (chunk[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? chunkEnd : newline;
            int count = end - chunkPos;
            if (!overflow && lineLength + count > maxLineBytes + 1) {
                // +1 tolerates the '\r' of a CRLF terminator on a line of exactly max bytes
                overflow = true;
                overflowBytes = lineLength;
            }
            if (overflow) {
                overflowBytes += count;
            } else {
                append(chunk, chunkPos, count);
            }
            chunkPos = newline < 0 ? chunkEnd : newline + 1;
            if (newline >= 0) {
                if (overflow) {
                    throw new ProtocolException("line of " + overflowBytes + " bytes exceeds the limit of "
                            + maxLineBytes + " bytes; dropped");
                }
                return decode();
            }
        }
    }

    private void append(byte[] src, int from, int count) {
        if (lineLength + count > line.length) {
            int size = Math.min(Math.max(line.length * 2, lineLength + count), maxLineBytes + 1);
            line = java.util.Arrays.copyOf(line, size);
        }
        System.arraycopy(src, from, line, lineLength, count);
        lineLength += count;
    }

    private String decode() {
        int length = lineLength;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (length > maxLineBytes) {
            throw new ProtocolException("line of " + length + " bytes exceeds the limit of "
                    + maxLineBytes + " bytes; dropped");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException("line is not valid UTF-8; dropped");
        }
    }
}
