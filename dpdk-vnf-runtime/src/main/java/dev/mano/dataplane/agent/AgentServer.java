package dev.mano.dataplane.agent;

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

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent: for each link to the VNFM, sends {@link Hello}, then a {@link Heartbeat}
 * every period, and serves the VNFM's commands. One link at a time; when it ends the
 * agent waits for the next one. Malformed commands are logged and dropped, never fatal:
 * the data plane keeps forwarding whatever the control channel does.
 *
 * <p>Threads: one link thread (accepts, reads commands, applies config) and one
 * heartbeat thread, both ordinary daemon threads that the OS schedules on housekeeping
 * cores, away from the isolated data-plane lcores.
 */
public final class AgentServer implements AutoCloseable {

    public static final Duration HEARTBEAT_PERIOD = Duration.ofSeconds(1);

    /**
     * On virtio-serial the guest gets no event when the host side connects, and QEMU drops what
     * the guest writes while nobody is connected, so the hello sent when the port was opened may
     * be lost; repeating it every this many heartbeats bounds how long the VNFM can go without
     * knowing what the VNF is. TCP has an accept, so there the hello is sent once per link.
     */
    static final int SERIAL_HELLO_EVERY = 10;

    private static final System.Logger LOG = System.getLogger(AgentServer.class.getName());

    private final AgentTransport transport;
    private final RuntimeView runtime;
    private final Duration heartbeatPeriod;
    private final Clock clock;
    private final ScheduledExecutorService heartbeats;
    private final Thread linkThread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong seq = new AtomicLong();
    private final BusyRatios busyRatios = new BusyRatios();
    private volatile boolean closing;
    private volatile AgentLink currentLink;

    private AgentServer(AgentTransport transport, RuntimeView runtime, Duration heartbeatPeriod, Clock clock) {
        this.transport = transport;
        this.runtime = runtime;
        this.heartbeatPeriod = heartbeatPeriod;
        this.clock = clock;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mano-agent-heartbeat"));
        this.linkThread = daemon(this::serveLinks, "mano-agent-link");
    }

    /** Starts the agent on the endpoint with the one-second heartbeat. */
    public static AgentServer start(AgentEndpoint endpoint, RuntimeView runtime) throws IOException {
        return start(endpoint, runtime, HEARTBEAT_PERIOD);
    }

    public static AgentServer start(AgentEndpoint endpoint, RuntimeView runtime, Duration heartbeatPeriod)
            throws IOException {
        AgentTransport transport = switch (endpoint) {
            case AgentEndpoint.Tcp t -> new TcpTransport(t.port());
            case AgentEndpoint.Serial s -> new SerialTransport(s.device(), Duration.ofSeconds(1));
        };
        AgentServer server = new AgentServer(transport, runtime, heartbeatPeriod, Clock.systemUTC());
        server.linkThread.start();
        LOG.log(Level.INFO, "agent listening on {0}", transport.describe());
        return server;
    }

    /** The bound port when listening on TCP (useful with {@code tcp:0}). */
    public OptionalInt tcpPort() {
        return transport instanceof TcpTransport t ? OptionalInt.of(t.port()) : OptionalInt.empty();
    }

    /** Blocks until the VNFM sent shutdown (the runtime has then been stopped) or the agent was closed. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closing = true;
        heartbeats.shutdownNow();
        closeQuietly(currentLink);
        try {
            transport.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing transport", e);
        }
        stopped.countDown();
    }

    private void serveLinks() {
        while (!closing) {
            AgentLink link;
            try {
                link = transport.next();
            } catch (IOException e) {
                if (!closing) {
                    LOG.log(Level.ERROR, "agent transport " + transport.describe() + " failed; agent stops", e);
                    close();
                }
                return;
            }
            currentLink = link;
            try {
                serve(link);
            } finally {
                closeQuietly(link);
                currentLink = null;
            }
        }
    }

    private void serve(AgentLink link) {
        ScheduledFuture<?> beat = null;
        try {
            send(link, hello());
            long periodMs = heartbeatPeriod.toMillis();
            beat = heartbeats.scheduleAtFixedRate(() -> heartbeat(link), periodMs, periodMs, TimeUnit.MILLISECONDS);
            BoundedLineReader lines = new BoundedLineReader(link.in());
            while (!closing) {
                String line;
                try {
                    line = lines.readLine();
                } catch (ProtocolException e) {
                    LOG.log(Level.WARNING, "dropped a line from the VNFM: {0}", e.getMessage());
                    continue;
                }
                if (line == null) {
                    LOG.log(Level.INFO, "VNFM closed the link on {0}", transport.describe());
                    return;
                }
                if (!line.isBlank()) {
                    handle(link, line);
                }
            }
        } catch (IOException e) {
            if (!closing) {
                LOG.log(Level.INFO, "link on {0} ended: {1}", transport.describe(), e.getMessage());
            }
        } finally {
            if (beat != null) {
                beat.cancel(false);
            }
        }
    }

    private void handle(AgentLink link, String line) throws IOException {
        AgentMessage message;
        try {
            message = AgentCodec.decode(line);
        } catch (ProtocolException e) {
            LOG.log(Level.WARNING, "dropped a message from the VNFM: {0}", e.getMessage());
            return;
        }
        if (!(message instanceof AgentMessage.ToAgent command)) {
            LOG.log(Level.WARNING, "dropped a {0} from the VNFM: only the agent sends it",
                    message.getClass().getSimpleName());
            return;
        }
        switch (command) {
            case ConfigApply apply -> send(link, applyConfig(apply));
            case Drain d -> runtime.drain().whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.log(Level.ERROR, "drain failed", error);
                    return;
                }
                try {
                    send(link, new Drained());
                } catch (IOException e) {
                    LOG.log(Level.INFO, "could not report drained: {0}", e.getMessage());
                }
            });
            case Shutdown s -> {
                LOG.log(Level.INFO, "VNFM asked to shut down");
                runtime.stop();
                close();
            }
        }
    }

    private ConfigResult applyConfig(ConfigApply apply) {
        try {
            runtime.applyConfig(apply.config());
            return ConfigResult.success(apply.id());
        } catch (IllegalArgumentException e) {
            return ConfigResult.failure(apply.id(), String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "config " + apply.id() + " failed", e);
            return ConfigResult.failure(apply.id(), "internal error: " + e);
        }
    }

    private Hello hello() {
        return new Hello(runtime.vnfType(), runtime.version(), runtime.lcores(), runtime.ports());
    }

    private void heartbeat(AgentLink link) {
        try {
            if (transport instanceof SerialTransport && (seq.get() + 1) % SERIAL_HELLO_EVERY == 0) {
                send(link, hello());
            }
            RuntimeSnapshot snapshot = runtime.snapshot();
            send(link, new Heartbeat(seq.incrementAndGet(), clock.millis(), snapshot.ports(),
                    busyRatios.next(snapshot.lcores()), snapshot.counters()));
        } catch (IOException e) {
            // the reader sees the broken link too and ends the session
            closeQuietly(link);
        } catch (RuntimeException e) {
            // a failing snapshot must not cancel the periodic task: the next one retries
            LOG.log(Level.ERROR, "heartbeat failed", e);
        }
    }

    /** Lines are written whole under a lock: the link thread and the heartbeat thread share the stream. */
    private static void send(AgentLink link, AgentMessage message) throws IOException {
        byte[] bytes = (AgentCodec.encode(message) + "\n").getBytes(StandardCharsets.US_ASCII);
        OutputStream out = link.out();
        synchronized (link) {
            out.write(bytes);
            out.flush();
        }
    }

    private static void closeQuietly(AgentLink link) {
        if (link == null) {
            return;
        }
        try {
            link.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing link", e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
