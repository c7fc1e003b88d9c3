package dev.mano.vnfm.agent;

import dev.mano.agent.protocol.AgentCodec;
import dev.mano.agent.protocol.AgentMessage;
import dev.mano.agent.protocol.BoundedLineReader;
import dev.mano.agent.protocol.ConfigApply;
import dev.mano.agent.protocol.ConfigResult;
import dev.mano.agent.protocol.Drain;
import dev.mano.agent.protocol.Drained;
import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;
import dev.mano.agent.protocol.ProtocolException;
import dev.mano.agent.protocol.Shutdown;
import dev.mano.vnfm.VnfcRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The VNFM's link to one VNFC's agent. A reader thread connects, reads lines and hands
 * them to the listener; when the link breaks (or cannot be opened: the VM is still
 * booting) it retries with exponential backoff until closed.
 *
 * <p>Hostile or broken agents: a line that is too long, not JSON, not a known message, or a
 * message only the VNFM may send is dropped with a (rate-limited) log line and counted;
 * the link stays up. Nothing an agent sends can throw into the VNFM.
 */
public final class AgentConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentConnection.class);
    static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final VnfcRef vnfc;
    private final AgentAddress address;
    private final AgentListener listener;
    private final Clock clock;
    private final Thread reader;
    private final Map<String, CompletableFuture<ConfigResult>> pendingConfigs = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<CompletableFuture<Void>> pendingDrains = new CopyOnWriteArrayList<>();
    private final AtomicLong droppedLines = new AtomicLong();
    /**
     * Writes happen here, never on the caller's thread: an agent that stops reading fills the
     * socket buffer and blocks the write, and that must stall only this connection (the
     * caller's future times out), not the lifecycle thread that asked.
     */
    private final ExecutorService writer;
    private volatile SocketChannel channel;
    private volatile Hello hello;
    private volatile boolean closed;

    public AgentConnection(VnfcRef vnfc, AgentAddress address, AgentListener listener, Clock clock) {
        this.vnfc = vnfc;
        this.address = address;
        this.listener = listener;
        this.clock = clock;
        this.reader = Thread.ofVirtual().name("agent-" + vnfc).unstarted(this::run);
        this.writer = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("agent-write-" + vnfc).factory());
    }

    public AgentConnection start() {
        reader.start();
        return this;
    }

    public VnfcRef vnfc() {
        return vnfc;
    }

    public AgentAddress address() {
        return address;
    }

    public boolean connected() {
        return channel != null;
    }

    /** The hello of the current link, if one arrived. */
    public Optional<Hello> hello() {
        return Optional.ofNullable(hello);
    }

    /** Lines dropped as malformed or unexpected since the connection was created. */
    public long droppedLines() {
        return droppedLines.get();
    }

    /** Pushes config; completes with the agent's result, or exceptionally when it does not answer in time. */
    public CompletableFuture<ConfigResult> applyConfig(Map<String, String> config, Duration timeout) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<ConfigResult> result = new CompletableFuture<>();
        pendingConfigs.put(id, result);
        result.whenComplete((r, e) -> pendingConfigs.remove(id));
        send(new ConfigApply(id, config), result);
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the VNFC to drain; completes when it reports drained. */
    public CompletableFuture<Void> drain(Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        pendingDrains.add(done);
        done.whenComplete((r, e) -> pendingDrains.remove(done));
        send(new Drain(), done);
        return done.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the runtime to stop; it closes the link as it exits. */
    public void shutdown() {
        send(new Shutdown(), new CompletableFuture<>());
    }

    @Override
    public void close() {
        closed = true;
        closeChannel();
        reader.interrupt();
        writer.shutdownNow();
        failPending("connection to " + vnfc + " closed");
    }

    private void send(AgentMessage.ToAgent message, CompletableFuture<?> onFailure) {
        SocketChannel c = channel;
        if (c == null) {
            onFailure.completeExceptionally(new AgentUnavailableException("agent of " + vnfc + " is not connected"));
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap((AgentCodec.encode(message) + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            writer.execute(() -> {
                try {
                    while (bytes.hasRemaining()) {
                        c.write(bytes);
                    }
                } catch (IOException e) {
                    onFailure.completeExceptionally(
                            new AgentUnavailableException("sending to " + vnfc + " failed: " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            onFailure.completeExceptionally(new AgentUnavailableException("connection to " + vnfc + " closed"));
        }
    }

    private void run() {
        Duration backoff = MIN_BACKOFF;
        boolean reportedDown = false; // listeners hear each transition once, not every retry
        while (!closed) {
            SocketChannel c;
            try {
                c = SocketChannel.open(address.socketAddress());
            } catch (IOException e) {
                if (!reportedDown) {
                    reportedDown = true;
                    String why = "cannot connect to " + address + ": " + e.getMessage();
                    safely(() -> listener.onLinkDown(vnfc, why));
                }
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            backoff = MIN_BACKOFF;
            reportedDown = false;
            channel = c;
            if (closed) {
                closeChannel();
                return;
            }
            LOG.info("agent link to {} open on {}", vnfc, address);
            String reason = readUntilBroken(c);
            closeChannel();
            hello = null;
            failPending("link to " + vnfc + " broke: " + reason);
            if (closed) {
                return;
            }
            LOG.info("agent link to {} down: {}", vnfc, reason);
            reportedDown = true;
            safely(() -> listener.onLinkDown(vnfc, reason));
            if (!sleep(backoff)) {
                return;
            }
        }
    }

    private String readUntilBroken(SocketChannel c) {
        BoundedLineReader lines = new BoundedLineReader(Channels.newInputStream(c));
        while (!closed) {
            String line;
            try {
                line = lines.readLine();
            } catch (ProtocolException e) {
                dropped(e.getMessage());
                continue;
            } catch (IOException e) {
                return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            if (line == null) {
                return "agent closed the link";
            }
            if (!line.isBlank()) {
                dispatch(line);
            }
        }
        return "closed";
    }

    private void dispatch(String line) {
        AgentMessage message;
        try {
            message = AgentCodec.decode(line);
        } catch (ProtocolException e) {
            dropped(e.getMessage());
            return;
        }
        if (!(message instanceof AgentMessage.FromAgent report)) {
            dropped("a " + message.getClass().getSimpleName() + " only the VNFM sends");
            return;
        }
        switch (report) {
            case Hello h -> {
                hello = h;
                safely(() -> listener.onHello(vnfc, h, clock.instant()));
            }
            case Heartbeat hb -> safely(() -> listener.onHeartbeat(vnfc, hb, clock.instant()));
            case ConfigResult r -> {
                CompletableFuture<ConfigResult> pending = pendingConfigs.remove(r.id());
                if (pending == null) {
                    dropped("a config result for unknown id " + r.id());
                } else {
                    pending.complete(r);
                }
            }
            case Drained d -> pendingDrains.forEach(f -> f.complete(null));
        }
    }

    /** Logs the first ten drops and then every thousandth, so a flooding agent cannot flood the log. */
    private void dropped(String why) {
        long n = droppedLines.incrementAndGet();
        if (n <= 10 || n % 1000 == 0) {
            LOG.warn("dropped a line from the agent of {} (drop #{}): {}", vnfc, n, why);
        }
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("agent listener failed for {}", vnfc, e);
        }
    }

    private void failPending(String why) {
        AgentUnavailableException e = new AgentUnavailableException(why);
        pendingConfigs.values().forEach(f -> f.completeExceptionally(e));
        pendingDrains.forEach(f -> f.completeExceptionally(e));
    }

    private void closeChannel() {
        SocketChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing agent link", e);
            }
        }
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
