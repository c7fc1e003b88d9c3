package dev.mano.image;

import dev.mano.agent.protocol.AgentCodec;
import dev.mano.agent.protocol.AgentMessage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The host end of a VM's agent channel, as the VNFM sees it: the unix socket libvirt creates for the
 * virtio-serial port. Reads newline-delimited agent messages with a deadline per message.
 */
final class AgentSocket implements AutoCloseable {
    private final SocketChannel channel;
    private final BufferedReader reader;
    private final ExecutorService readerThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "agent-socket-reader");
        t.setDaemon(true);
        return t;
    });

    private AgentSocket(SocketChannel channel) {
        this.channel = channel;
        this.reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    static AgentSocket connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new AgentSocket(channel);
    }

    /** The next message, or a TimeoutException when none arrives in time. */
    AgentMessage next(Duration timeout) throws Exception {
        Future<String> line = readerThread.submit(reader::readLine);
        try {
            String text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new IOException("agent channel closed");
            }
            return AgentCodec.decode(text);
        } catch (TimeoutException e) {
            line.cancel(true);
            throw e;
        }
    }

    void send(AgentMessage message) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((AgentCodec.encode(message) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        readerThread.shutdownNow();
    }
}
