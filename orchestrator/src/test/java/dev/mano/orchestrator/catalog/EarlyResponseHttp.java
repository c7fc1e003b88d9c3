package dev.mano.orchestrator.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A chunked upload (no Content-Length) over a plain socket that reads the answer while still
 * sending, as curl does. A server that refuses a body midway answers and closes; a client that
 * only reads after sending everything (java.net.http) sees the reset instead of the answer.
 */
final class EarlyResponseHttp {
    private EarlyResponseHttp() {}

    record Answer(int status, String head, String body) {}

    static Answer putChunked(int port, String path, String authorization, String contentType, long bytes) throws Exception {
        return put(port, path, authorization, contentType, bytes, true);
    }

    /** The same with a declared Content-Length. */
    static Answer putSized(int port, String path, String authorization, String contentType, long bytes) throws Exception {
        return put(port, path, authorization, contentType, bytes, false);
    }

    private static Answer put(int port, String path, String authorization, String contentType, long bytes, boolean chunked)
            throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        got.write(buf, 0, n);
                    }
                } catch (IOException e) {
                    // the server closed with our unread body in its buffer: keep what arrived
                }
                return got.toByteArray();
            });
            OutputStream out = socket.getOutputStream();
            try {
                out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                        + "\r\nContent-Type: " + contentType
                        + (chunked ? "\r\nTransfer-Encoding: chunked" : "\r\nContent-Length: " + bytes) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[64 * 1024];
                long left = bytes;
                while (left > 0 && !answer.isDone()) {
                    int n = (int) Math.min(chunk.length, left);
                    if (chunked) out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk, 0, n);
                    if (chunked) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    left -= n;
                }
                if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // broken pipe: the server stopped reading, its answer is (being) read above
            }
            String text = new String(answer.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Answer(status, head, body);
        }
    }
}
