package dev.mano.dataplane.engine;

import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.vnf.Vnf;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.testing.Await;
import dev.mano.dataplane.testing.TestEal;
import dev.mano.dataplane.vnf.l2fwd.L2fwd;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** After JIT warm-up the forwarding loop allocates nothing on the Java heap, whatever the packet count. */
class ZeroAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void workersAllocateNothingPerPacketInSteadyState() throws Exception {
        RuntimeConfig config = RuntimeConfig.parse("zero.yaml", """
                ports:
                  - {name: net_null_za0, devargs: net_null_za0, queues: 1}
                  - {name: net_null_za1, devargs: net_null_za1, queues: 1}
                l2fwd:
                  mode: rewrite
                  pairs: [[net_null_za0, net_null_za1]]
                """, "l2fwd");
        try (RunningVnf vnf = RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf()))) {
            Engine engine = vnf.engine();
            // Warm-up: C2 compiles the loop within a fraction of a second; give it 2M packets per lcore.
            Await.until("2M packets per lcore", Duration.ofSeconds(30),
                    () -> engine.snapshot().lcores().stream().allMatch(l -> l.rxPackets() > 2_000_000));
            Thread.sleep(300);
            List<Long> threads = engine.workerThreadIds();
            assertThat(threads).doesNotContain(-1L);
            long bytesBefore = allocated(threads);
            long packetsBefore = packets(engine);
            Await.until("5M more packets", Duration.ofSeconds(60), () -> packets(engine) - packetsBefore > 5_000_000);
            long bytes = allocated(threads) - bytesBefore;
            long packets = packets(engine) - packetsBefore;
            assertThat(engine.failure()).isEmpty();
            System.out.printf("zero-allocation: %d bytes allocated by %d workers over %d packets%n", bytes, threads.size(), packets);
            assertThat(bytes).as("bytes allocated by the workers while forwarding %d packets", packets)
                    .isLessThan(4096);
            assertThat((double) bytes / packets).as("bytes per packet").isLessThan(0.001);
        }
    }

    /** The same measurement catches a stage that allocates, so a zero above means zero. */
    @Test
    void theMeasurementSeesAStageThatAllocates() throws Exception {
        RuntimeConfig config = RuntimeConfig.parse("alloc.yaml", """
                ports:
                  - {name: net_null_al0, devargs: net_null_al0, queues: 1}
                  - {name: net_null_al1, devargs: net_null_al1, queues: 1}
                l2fwd:
                  pairs: [[net_null_al0, net_null_al1]]
                """, "l2fwd");
        L2fwd l2fwd = L2fwd.fromConfig(config.vnf());
        Vnf allocating = new Vnf() {
            @Override
            public VnfIdentity identity() {
                return new VnfIdentity("allocating", "0", "test");
            }

            @Override
            public List<String> portNames() {
                return l2fwd.portNames();
            }

            @Override
            public List<WorkerPlan> plan(List<Port> ports, List<Integer> lcores) {
                return l2fwd.plan(ports, lcores).stream().map(p -> new WorkerPlan(p.lcore(), p.tasks(),
                        List.of(burst -> sink = new long[burst.size()]))).toList();
            }
        };
        try (RunningVnf vnf = RunningVnf.start(TestEal.get(), config, allocating)) {
            Engine engine = vnf.engine();
            Await.until("1M packets", Duration.ofSeconds(30), () -> packets(engine) > 1_000_000);
            long before = allocated(engine.workerThreadIds());
            long packetsBefore = packets(engine);
            Await.until("1M more packets", Duration.ofSeconds(30), () -> packets(engine) - packetsBefore > 1_000_000);
            assertThat(allocated(engine.workerThreadIds()) - before).isGreaterThan(1_000_000L);
        }
    }

    static volatile long[] sink;

    private static long allocated(List<Long> threads) {
        return threads.stream().mapToLong(THREADS::getThreadAllocatedBytes).sum();
    }

    private static long packets(Engine engine) {
        return engine.snapshot().lcores().stream().mapToLong(LcoreSnapshot::rxPackets).sum();
    }
}
