package dev.mano.dataplane.agent;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.InterruptedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The virtio-serial port inside a VM ({@code /dev/virtio-ports/org.mano.agent.0}); on the
 * host, libvirt backs it with a unix socket the VNFM connects to. The device reads end of
 * file while no host side is connected, so the agent reopens it after a pause; the device
 * may also appear only after the virtio_console module loads, so a missing path is waited for.
 */
final class SerialTransport implements AgentTransport {

    private final Path device;
    private final Duration reopenPause;
    private volatile boolean closed;
    private volatile FileChannel current;
    private boolean first = true;

    SerialTransport(Path device, Duration reopenPause) {
        this.device = device;
        this.reopenPause = reopenPause;
    }

    @Override
    public AgentLink next() throws IOException {
        while (true) {
            if (closed) {
                throw new IOException("transport closed");
            }
            if (!first) {
                pause();
            }
            first = false;
            if (!Files.exists(device)) {
                continue;
            }
            // One descriptor only: a virtio-serial port refuses a second open (EBUSY).
            // Reads go through the channel, whose close wakes a blocked reader; writes go
            // straight to the descriptor, because a FileChannel serialises writes behind a
            // blocked read (both take its position lock) and heartbeats must not wait.
            RandomAccessFile file = new RandomAccessFile(device.toFile(), "rw");
            FileChannel channel = file.getChannel();
            current = channel;
            if (closed) {
                file.close();
                throw new IOException("transport closed");
            }
            return new AgentLink(Channels.newInputStream(channel), new FileOutputStream(file.getFD()), file);
        }
    }

    private void pause() throws InterruptedIOException {
        try {
            Thread.sleep(reopenPause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + device);
        }
    }

    @Override
    public String describe() {
        return "serial " + device;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        FileChannel channel = current;
        if (channel != null) {
            channel.close();
        }
    }
}
