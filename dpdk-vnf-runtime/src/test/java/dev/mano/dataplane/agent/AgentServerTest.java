package dev.mano.dataplane.agent;

import dev.mano.agent.protocol.ConfigApply;
import dev.mano.agent.protocol.ConfigResult;
import dev.mano.agent.protocol.Drain;
import dev.mano.agent.protocol.Drained;
import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;
import dev.mano.agent.protocol.LcoreLoad;
import dev.mano.agent.protocol.PortCounters;
import dev.mano.agent.protocol.Shutdown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// a separate thread, so a test stuck in a blocking socket read still fails instead of hanging the build
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AgentServerTest {

    private static final Duration PERIOD = Duration.ofMillis(100);

    private final RecordingRuntime runtime = new RecordingRuntime();
    private AgentServer server;
    private Socket socket;

    @AfterEach
    void tearDown() throws IOException {
        if (socket != null) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private VnfmPeer connect() throws IOException {
        if (server == null) {
            server = AgentServer.start(new AgentEndpoint.Tcp(0), runtime, PERIOD);
        }
        socket = new Socket(InetAddress.getLoopbackAddress(), server.tcpPort().orElseThrow());
        return new VnfmPeer(socket.getInputStream(), socket.getOutputStream());
    }

    @Test
    void sendsHelloThenHeartbeatsCarryingTheCountersAndEachIntervalsBusyRatio() throws IOException {
        VnfmPeer vnfm = connect();
        assertEquals(new Hello("l2fwd", "0.1.0", List.of(1, 2), List.of("net_null0", "net_null1")), vnfm.next());
        Heartbeat first = vnfm.next(Heartbeat.class);
        Heartbeat second = vnfm.next(Heartbeat.class);
        assertEquals(first.seq() + 1, second.seq());
        assertTrue(second.timestampMs() >= first.timestampMs());
        assertEquals(new PortCounters("net_null0", 2000, 1980, 20, 0), second.ports().get(0));
        assertEquals(List.of(new LcoreLoad(1, 0.25), new LcoreLoad(2, 0.0)), second.lcores());
        assertEquals(Map.of("forwarded", 1980L), second.counters());
        // TCP has a connect event, so the hello is not repeated
        for (int i = 0; i < AgentServer.SERIAL_HELLO_EVERY + 2; i++) {
            assertTrue(vnfm.next() instanceof Heartbeat);
        }
    }

    @Test
    void answersEachConfigWithItsResult() throws IOException {
        VnfmPeer vnfm = connect();
        vnfm.send(new ConfigApply("c1", Map.of("mac.dst", "02:00:00:00:00:01")));
        assertEquals(ConfigResult.success("c1"), vnfm.next(ConfigResult.class));
        vnfm.send(new ConfigApply("c2", Map.of("bad", "x")));
        assertEquals(ConfigResult.failure("c2", "unknown key bad"), vnfm.next(ConfigResult.class));
        assertEquals(List.of(Map.of("mac.dst", "02:00:00:00:00:01")), runtime.applied);
    }

    @Test
    void dropsMalformedCommandsAndKeepsServing() throws IOException {
        VnfmPeer vnfm = connect();
        vnfm.next(Hello.class);
        vnfm.sendRaw("{not json");
        vnfm.sendRaw("x".repeat(200_000));
        vnfm.sendRaw("{\"op\":\"reboot\"}");
        vnfm.sendRaw("{\"op\":\"configApply\",\"id\":\"c0\",\"config\":{\"k\":1}}");
        vnfm.sendRaw("{\"op\":\"drained\"}");
        vnfm.sendRaw("[".repeat(100_000));
        vnfm.send(new ConfigApply("c1", Map.of("k", "v")));
        assertEquals(ConfigResult.success("c1"), vnfm.next(ConfigResult.class));
        assertEquals(List.of(Map.of("k", "v")), runtime.applied);
        vnfm.next(Heartbeat.class);
    }

    @Test
    void reportsDrainedOnlyOnceTheRuntimeHasDrained() throws IOException {
        VnfmPeer vnfm = connect();
        vnfm.send(new Drain());
        // heartbeats keep flowing while draining, and no Drained comes before the runtime is done
        for (int i = 0; i < 3; i++) {
            vnfm.next(Heartbeat.class);
        }
        assertTrue(runtime.draining);
        runtime.drainDone.complete(null);
        assertEquals(new Drained(), vnfm.next(Drained.class));
    }

    @Test
    void shutdownStopsTheRuntimeAndTheAgent() throws Exception {
        VnfmPeer vnfm = connect();
        vnfm.next(Hello.class);
        vnfm.send(new Shutdown());
        assertTrue(runtime.stopped.await(5, TimeUnit.SECONDS));
        assertTrue(server.awaitStop(Duration.ofSeconds(5)));
        assertTrue(vnfm.closedByAgent());
    }

    @Test
    void aNewLinkAfterADisconnectGetsAFreshHelloAndHeartbeatsContinueTheSequence() throws IOException {
        VnfmPeer first = connect();
        long seq = first.next(Heartbeat.class).seq();
        socket.close();
        VnfmPeer second = connect();
        assertEquals("l2fwd", ((Hello) second.next()).vnfType());
        assertTrue(second.next(Heartbeat.class).seq() > seq);
        assertFalse(runtime.draining);
    }
}
