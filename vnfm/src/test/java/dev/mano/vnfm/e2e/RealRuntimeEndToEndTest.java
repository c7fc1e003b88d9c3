package dev.mano.vnfm.e2e;

import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;
import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.agent.AgentAddress;
import dev.mano.vnfm.agent.AgentConnection;
import dev.mano.vnfm.agent.AgentListener;
import dev.mano.vnfm.healing.HealRequest;
import dev.mano.vnfm.healing.HealingDecision;
import dev.mano.vnfm.healing.HealingPolicy;
import dev.mano.vnfm.healing.HealingWatch;
import dev.mano.vnfm.monitoring.MetricsStore;
import dev.mano.vnfm.monitoring.MonitoringFeed;
import dev.mano.vnfm.monitoring.VnfIndicator;
import dev.mano.vnfm.monitoring.VnfIndicators;
import dev.mano.vnfm.monitoring.VnfcSample;
import dev.mano.vnfm.scaling.ScaleRequest;
import dev.mano.vnfm.scaling.ScalingDecision;
import dev.mano.vnfm.scaling.ScalingPolicy;
import dev.mano.vnfm.scaling.ScalingWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The VNFM against a real runtime process: DPDK l2fwd on net_null with the agent on loopback
 * TCP, forked as its own JVM. Counters arrive and become indicators; net_null never runs dry,
 * so the forwarding lcore is saturated — a synthetic overload — and the scaling policy
 * decides to scale out; the process is then killed with SIGKILL, heartbeat loss yields a heal
 * decision, and the restarted process is picked up again by the same connection.
 */
// a separate thread, so a test stuck in a blocking socket read still fails instead of hanging the build
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RealRuntimeEndToEndTest {

    private static final VnfcRef VNFC = new VnfcRef("vnf-l2fwd", "vnfc-0");

    private final Clock clock = Clock.systemUTC();
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final MetricsStore store = new MetricsStore(Duration.ofMinutes(5));
    private final MonitoringFeed feed = new MonitoringFeed(store);
    private final ScalingWatch scaling = new ScalingWatch(store, published::add);
    private final HealingWatch healing = new HealingWatch(published::add);
    private final LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();
    private final List<Process> processes = new ArrayList<>();
    private AgentConnection connection;

    @AfterEach
    void tearDown() {
        if (connection != null) {
            connection.close();
        }
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void monitorsScalesAndHealsARealRuntime() throws Exception {
        assumeTrue(new File("/usr/lib/x86_64-linux-gnu/dpdk").isDirectory() || Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/librte_eal.so")),
                "DPDK is not installed (apt-get install dpdk libdpdk-dev)");
        int port = freePort();
        Process runtime = fork(port);

        connection = new AgentConnection(VNFC, new AgentAddress.Tcp("127.0.0.1", port), new AgentListener() {
            @Override
            public void onHello(VnfcRef vnfc, Hello hello, Instant at) {
                feed.onHello(vnfc, hello, at);
                seen.add(hello);
            }

            @Override
            public void onHeartbeat(VnfcRef vnfc, Heartbeat hb, Instant at) {
                feed.onHeartbeat(vnfc, hb, at);
                healing.onHeartbeat(vnfc, hb, at);
            }
        }, clock).start();
        Hello hello = (Hello) seen.poll(60, TimeUnit.SECONDS);
        assertEquals("l2fwd", hello.vnfType());
        assertEquals(List.of("net_null_e2e0", "net_null_e2e1"), hello.ports());

        ScalingPolicy policy = ScalingPolicy.onMetric(ScalingPolicy.Metric.BUSY_RATIO, 0.8, 0.3,
                Duration.ofSeconds(3), Duration.ZERO, 1, 3);
        scaling.watch(VNFC.vnfInstanceId(), policy, 1, clock.instant());
        healing.watch(VNFC, new HealingPolicy(Duration.ofSeconds(3), 3, Duration.ofMinutes(10)), clock.instant());

        // counters arrive: samples with packets forwarded and a saturated lcore
        await("five samples", Duration.ofSeconds(30), () -> store.samples(VNFC).size() >= 5);
        VnfcSample latest = store.latest(VNFC).orElseThrow();
        assertTrue(latest.rxPps() > 10_000, "rx pps " + latest.rxPps());
        assertTrue(latest.busyRatioMax() > 0.8, "busy " + latest.busyRatioMax());
        List<VnfIndicator> indicators = new VnfIndicators(store).of(VNFC.vnfInstanceId()).orElseThrow();
        assertTrue(indicators.stream().anyMatch(i -> i.id().equals("rx_pps") && ((Number) i.value()).longValue() > 10_000));

        // the overload lasted the window: scale out by one
        List<ScaleRequest> scale = scaling.evaluate(clock.instant());
        assertEquals(1, scale.size(), "scale requests " + scale + " samples " + store.samples(VNFC));
        assertEquals(new ScalingDecision.ScaleOut(1, 2, "busy ratio > 0.80 or drop rate > 1.0000 for 3s"),
                scale.getFirst().decision());

        // kill -9: no goodbye, the heartbeats just stop
        assertEquals(List.of(), healing.evaluate(clock.instant()));
        runtime.destroyForcibly().waitFor();
        await("heartbeat loss detected", Duration.ofSeconds(20), () -> !healing.evaluate(clock.instant()).isEmpty()
                || published.stream().anyMatch(HealRequest.class::isInstance));
        HealRequest heal = published.stream().filter(HealRequest.class::isInstance).map(HealRequest.class::cast)
                .findFirst().orElseThrow();
        HealingDecision.Heal decision = assertInstanceOf(HealingDecision.Heal.class, heal.decision());
        assertEquals(VNFC, decision.vnfc());

        // heal by restart (what the lifecycle does for a bare-metal VNFC): the connection finds it again
        fork(port);
        assertEquals("l2fwd", ((Hello) seen.poll(60, TimeUnit.SECONDS)).vnfType());
        healing.watch(VNFC, new HealingPolicy(Duration.ofSeconds(3), 3, Duration.ofMinutes(10)), clock.instant());
        int before = store.samples(VNFC).size();
        await("samples again after the restart", Duration.ofSeconds(30), () -> store.samples(VNFC).size() >= before + 2);
        assertEquals(List.of(), healing.evaluate(clock.instant()));
        assertTrue(connection.connected());
        assertEquals(0, connection.droppedLines());
    }

    private Process fork(int port) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", classpath,
                L2fwdRuntimeProcess.class.getName(), Integer.toString(port));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        processes.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder log = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            log.append(line).append('\n');
            if (line.startsWith("agent listening on")) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return p;
            }
        }
        throw new AssertionError("runtime process exited before its agent listened:\n" + log);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
