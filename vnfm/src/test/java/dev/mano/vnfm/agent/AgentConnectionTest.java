package dev.mano.vnfm.agent;

import dev.mano.agent.protocol.ConfigApply;
import dev.mano.agent.protocol.ConfigResult;
import dev.mano.agent.protocol.Drain;
import dev.mano.agent.protocol.Drained;
import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;
import dev.mano.agent.protocol.LcoreLoad;
import dev.mano.agent.protocol.PortCounters;
import dev.mano.vnfm.VnfcRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// a separate thread, so a test stuck in a blocking socket read still fails instead of hanging the build
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AgentConnectionTest {

    private static final VnfcRef VNFC = new VnfcRef("vnf-1", "vnfc-0");
    private static final Hello HELLO = new Hello("l2fwd", "0.1.0", List.of(1), List.of("net_null0"));

    private final RecordingListener listener = new RecordingListener();
    private AgentPeer peer;
    private AgentConnection connection;

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    private void open(AgentPeer p) throws Exception {
        peer = p;
        connection = new AgentConnection(VNFC, peer.address(), listener, Clock.systemUTC()).start();
        peer.accept();
        // the peer's accept returns before the connection's reader has stored its channel
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!connection.connected()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("connection did not come up");
            }
            Thread.sleep(10);
        }
    }

    private static Heartbeat heartbeat(long seq) {
        return new Heartbeat(seq, 1000 * seq, List.of(new PortCounters("net_null0", seq, seq, 0, 0)),
                List.of(new LcoreLoad(1, 0.5)), Map.of());
    }

    @Test
    void deliversHelloAndHeartbeatsOverTcp() throws Exception {
        open(AgentPeer.tcp());
        peer.send(HELLO);
        peer.send(heartbeat(1));
        assertEquals(HELLO, listener.next(Hello.class));
        assertEquals(heartbeat(1), listener.next(Heartbeat.class));
        assertEquals(HELLO, connection.hello().orElseThrow());
    }

    @Test
    void speaksOverTheUnixSocketBehindAVirtioSerialChannel(@TempDir Path dir) throws Exception {
        open(AgentPeer.unix(dir.resolve("vnfc-0.agent.sock")));
        peer.send(HELLO);
        assertEquals(HELLO, listener.next(Hello.class));
        CompletableFuture<ConfigResult> result = connection.applyConfig(Map.of("k", "v"), Duration.ofSeconds(5));
        ConfigApply apply = (ConfigApply) peer.receive();
        assertEquals(Map.of("k", "v"), apply.config());
        peer.send(ConfigResult.failure(apply.id(), "no such key k"));
        assertEquals(ConfigResult.failure(apply.id(), "no such key k"), result.get());
    }

    /** Every kind of bad line is dropped and counted; the link stays up and good lines still arrive. */
    @Test
    void dropsBadLinesWithoutBreakingTheLink() throws Exception {
        open(AgentPeer.tcp());
        peer.sendLine("{\"op\":\"hello\"");                       // truncated JSON
        peer.sendLine("not json at all");
        peer.sendLine("x".repeat(1_000_000));                     // far over the line limit
        peer.sendLine("{\"op\":\"format-disk\"}");                // unknown op
        peer.sendLine("{\"op\":\"shutdown\"}");                   // only the VNFM sends this
        peer.sendLine("{\"op\":\"heartbeat\",\"seq\":\"1\"}");     // mistyped field
        peer.sendLine("[".repeat(50_000));                       // nesting bomb
        peer.sendLine("{\"op\":\"configResult\",\"id\":\"nobody\",\"ok\":true}"); // answers nothing we asked
        peer.sendRaw(new byte[]{'{', (byte) 0xff, (byte) 0xfe, '}', '\n'}); // not UTF-8
        peer.send(HELLO);
        peer.send(heartbeat(1));
        assertEquals(HELLO, listener.next(Hello.class));
        assertEquals(heartbeat(1), listener.next(Heartbeat.class));
        assertEquals(9, connection.droppedLines());
        assertTrue(connection.connected());
    }

    @Test
    void aFailingListenerDoesNotBreakTheLink() throws Exception {
        peer = AgentPeer.tcp();
        AgentListener throwing = new AgentListener() {
            @Override
            public void onHello(VnfcRef vnfc, Hello hello, java.time.Instant at) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onHeartbeat(VnfcRef vnfc, Heartbeat heartbeat, java.time.Instant at) {
                listener.onHeartbeat(vnfc, heartbeat, at);
            }
        };
        connection = new AgentConnection(VNFC, peer.address(), throwing, Clock.systemUTC()).start();
        peer.accept();
        peer.send(HELLO);
        peer.send(heartbeat(2));
        assertEquals(heartbeat(2), listener.next(Heartbeat.class));
    }

    @Test
    void reconnectsAfterTheLinkBreaksAndFailsWhatWasPending() throws Exception {
        open(AgentPeer.tcp());
        peer.send(HELLO);
        listener.next(Hello.class);
        CompletableFuture<Void> drain = connection.drain(Duration.ofSeconds(10));
        assertInstanceOf(Drain.class, peer.receive());
        peer.dropLink();
        ExecutionException e = assertThrows(ExecutionException.class, drain::get);
        assertInstanceOf(AgentUnavailableException.class, e.getCause());
        assertTrue(((String) listener.next()).startsWith("down: "));
        peer.accept(); // the connection comes back by itself
        peer.send(HELLO);
        assertEquals(HELLO, listener.next(Hello.class));
        CompletableFuture<Void> again = connection.drain(Duration.ofSeconds(10));
        assertInstanceOf(Drain.class, peer.receive());
        peer.send(new Drained());
        again.get();
    }

    @Test
    void retriesUntilTheAgentListens(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("late.sock");
        connection = new AgentConnection(VNFC, new AgentAddress.UnixSocket(socket), listener, Clock.systemUTC()).start();
        assertTrue(((String) listener.next()).startsWith("down: cannot connect"));
        Thread.sleep(300);
        peer = AgentPeer.unix(socket); // the VM's QEMU socket appears only once the domain starts
        peer.accept();
        peer.send(HELLO);
        assertEquals(HELLO, listener.next(Hello.class));
    }

    @Test
    void commandsFailFastWhenNotConnected(@TempDir Path dir) {
        connection = new AgentConnection(VNFC, new AgentAddress.UnixSocket(dir.resolve("none.sock")), listener,
                Clock.systemUTC()).start();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> connection.applyConfig(Map.of(), Duration.ofSeconds(5)).get());
        assertInstanceOf(AgentUnavailableException.class, e.getCause());
    }

    /** An agent that never reads: the socket buffer fills, yet callers return at once and time out. */
    @Test
    void anAgentThatStopsReadingStallsOnlyItsOwnConnection() throws Exception {
        open(AgentPeer.tcp());
        Map<String, String> big = Map.of("blob", "x".repeat(60_000));
        long start = System.nanoTime();
        List<CompletableFuture<ConfigResult>> pending = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) { // ~12 MB, far beyond the socket buffers
            pending.add(connection.applyConfig(big, Duration.ofMillis(500)));
        }
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "sending must not block the caller");
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.getLast().get());
        assertInstanceOf(java.util.concurrent.TimeoutException.class, e.getCause());
    }

    @Test
    void aConfigNobodyAnswersTimesOut() throws Exception {
        open(AgentPeer.tcp());
        CompletableFuture<ConfigResult> result = connection.applyConfig(Map.of("k", "v"), Duration.ofMillis(200));
        peer.receive();
        ExecutionException e = assertThrows(ExecutionException.class, result::get);
        assertInstanceOf(java.util.concurrent.TimeoutException.class, e.getCause());
    }
}
