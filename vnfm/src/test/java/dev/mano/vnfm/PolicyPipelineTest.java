package dev.mano.vnfm;

import dev.mano.agent.protocol.AgentCodec;
import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;
import dev.mano.agent.protocol.LcoreLoad;
import dev.mano.agent.protocol.PortCounters;
import dev.mano.vnfm.agent.AgentAddress;
import dev.mano.vnfm.agent.AgentConnection;
import dev.mano.vnfm.agent.AgentListener;
import dev.mano.vnfm.healing.HealRequest;
import dev.mano.vnfm.healing.HealingDecision;
import dev.mano.vnfm.healing.HealingPolicy;
import dev.mano.vnfm.healing.HealingWatch;
import dev.mano.vnfm.monitoring.MetricsStore;
import dev.mano.vnfm.monitoring.MonitoringFeed;
import dev.mano.vnfm.scaling.ScaleRequest;
import dev.mano.vnfm.scaling.ScalingDecision;
import dev.mano.vnfm.scaling.ScalingPolicy;
import dev.mano.vnfm.scaling.ScalingWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Heartbeats over a real socket through the agent connection, the monitoring feed and the
 * store, into the scaling and healing policies, on a clock the test moves. The agent end is
 * protocol lines written by the test (it plays an agent whose lcore saturates, then one that
 * falls silent); the real runtime's end-to-end test belongs with the DPDK engine.
 */
// a separate thread, so a test stuck in a blocking socket read still fails instead of hanging the build
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PolicyPipelineTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final VnfcRef VNFC = new VnfcRef("vnf-fw", "vnfc-0");

    private final MutableClock clock = new MutableClock(T0);
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final MetricsStore store = new MetricsStore(Duration.ofMinutes(15));
    private final MonitoringFeed feed = new MonitoringFeed(store);
    private final ScalingWatch scaling = new ScalingWatch(store, published::add);
    private final HealingWatch healing = new HealingWatch(published::add);
    private final LinkedBlockingQueue<Long> delivered = new LinkedBlockingQueue<>();
    private AgentConnection connection;
    private ServerSocket server;

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private OutputStream connect() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        AgentListener chain = new AgentListener() {
            @Override
            public void onHello(VnfcRef vnfc, Hello hello, Instant at) {
                feed.onHello(vnfc, hello, at);
            }

            @Override
            public void onHeartbeat(VnfcRef vnfc, Heartbeat hb, Instant at) {
                feed.onHeartbeat(vnfc, hb, at);
                healing.onHeartbeat(vnfc, hb, at);
                delivered.add(hb.seq());
            }
        };
        connection = new AgentConnection(VNFC, new AgentAddress.Tcp("127.0.0.1", server.getLocalPort()), chain, clock)
                .start();
        Socket agent = server.accept();
        OutputStream out = agent.getOutputStream();
        line(out, AgentCodec.encode(new Hello("firewall", "0.1.0", List.of(1), List.of("net_null0"))));
        return out;
    }

    /**
     * One heartbeat per simulated second: the port offered {@code offered} packets a second of
     * which {@code missed} found no rx descriptor, and lcore 1 was {@code busy} busy.
     */
    private void run(OutputStream out, int fromSecond, int seconds, double busy, long offered, long missed)
            throws Exception {
        for (int s = fromSecond; s < fromSecond + seconds; s++) {
            long rx = (offered - missed) * s;
            Heartbeat hb = new Heartbeat(s, T0.plusSeconds(s).toEpochMilli(),
                    List.of(new PortCounters("net_null0", rx, rx, missed * s, 0)),
                    List.of(new LcoreLoad(1, busy)), Map.of());
            line(out, AgentCodec.encode(hb));
            assertEquals(s, delivered.poll(10, TimeUnit.SECONDS));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private static void line(OutputStream out, String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void aSustainedOverloadScalesOutOnceAndTheNewSizeCoolsDown() throws Exception {
        OutputStream out = connect();
        ScalingPolicy policy = new ScalingPolicy(0.8, 0.001, Duration.ofSeconds(20), 0.3, 0.0,
                Duration.ofSeconds(60), Duration.ofSeconds(30), 1, 3, 1);
        scaling.watch(VNFC.vnfInstanceId(), policy, 1, T0.minusSeconds(60));
        run(out, 1, 10, 0.5, 1_000_000, 0);           // normal load
        assertEquals(List.of(), scaling.evaluate(clock.instant()));
        // overload: more traffic than one lcore carries, the NIC starts missing packets
        run(out, 11, 15, 1.0, 20_000_000, 6_000_000);
        assertEquals(List.of(), scaling.evaluate(clock.instant()), "15 s of overload is shorter than the window");
        run(out, 26, 7, 1.0, 20_000_000, 6_000_000);
        List<ScaleRequest> requests = scaling.evaluate(clock.instant());
        assertEquals(1, requests.size());
        ScalingDecision.ScaleOut out1 = assertInstanceOf(ScalingDecision.ScaleOut.class, requests.getFirst().decision());
        assertEquals(2, out1.to());
        assertEquals(requests, published);
        // in flight: no second decision until the lifecycle reports the new size
        run(out, 33, 3, 1.0, 20_000_000, 6_000_000);
        assertEquals(List.of(), scaling.evaluate(clock.instant()));
        scaling.scaled(VNFC.vnfInstanceId(), 2, clock.instant());
        run(out, 36, 25, 1.0, 20_000_000, 6_000_000);
        assertEquals(List.of(), scaling.evaluate(clock.instant()), "cooldown");
        // past the cooldown and still overloaded: the next request; declined by the lifecycle, it is asked again
        run(out, 61, 10, 1.0, 20_000_000, 6_000_000);
        assertEquals(1, scaling.evaluate(clock.instant()).size());
        assertEquals(List.of(), scaling.evaluate(clock.instant()));
        scaling.declined(VNFC.vnfInstanceId());
        assertEquals(1, scaling.evaluate(clock.instant()).size());
        // an answer that never comes expires
        clock.advance(ScalingWatch.IN_FLIGHT_TIMEOUT);
        run(out, 71, 25, 1.0, 20_000_000, 6_000_000);
        assertEquals(1, scaling.evaluate(clock.instant()).size());
    }

    @Test
    void anAgentThatFallsSilentIsHealedOnce() throws Exception {
        OutputStream out = connect();
        healing.watch(VNFC, new HealingPolicy(Duration.ofSeconds(5), 3, Duration.ofMinutes(10)), T0);
        run(out, 1, 5, 0.2, 1000, 0);
        assertEquals(List.of(), healing.evaluate(clock.instant()));
        clock.advance(Duration.ofSeconds(6)); // the runtime died: no more heartbeats
        List<HealRequest> heals = healing.evaluate(clock.instant());
        assertEquals(1, heals.size());
        HealingDecision.Heal heal = assertInstanceOf(HealingDecision.Heal.class, heals.getFirst().decision());
        assertEquals(VNFC, heal.vnfc());
        assertTrue(heal.reason().startsWith("no heartbeat for 7 s"), heal.reason());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), healing.evaluate(clock.instant()), "one failure, one heal");
        assertNotNull(store.latest(VNFC).orElse(null));
    }
}
