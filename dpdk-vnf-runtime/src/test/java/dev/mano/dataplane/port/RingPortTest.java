package dev.mano.dataplane.port;

import dev.mano.dataplane.bindings.Dpdk;
import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.eal.NativeMemory;
import dev.mano.dataplane.engine.FastPath;
import dev.mano.dataplane.engine.LcoreSnapshot;
import dev.mano.dataplane.engine.QueueEndpoint;
import dev.mano.dataplane.packet.Mbuf;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.testing.Await;
import dev.mano.dataplane.testing.Frames;
import dev.mano.dataplane.testing.TestEal;
import dev.mano.dataplane.vnf.l2fwd.L2fwd;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * net_ring ports over rte_rings (the in-host link between VNF processes). Each port's tx ring is its
 * own rx ring, so l2fwd between them bounces every packet back and forth, swapping the MACs on each
 * hop: after it stops, every injected packet is still there (none lost, none duplicated), with the
 * original MACs on the first port's ring and swapped ones on the second's.
 */
class RingPortTest {
    private static final int PACKETS = 100;

    @Test
    void packetsCirculateBetweenRingPortsWithoutLoss() throws Exception {
        TestEal.get();
        int socket = Dpdk.SOCKET_ID_ANY();
        List<byte[]> frames = Frames.mix(PACKETS, 7);
        try (Arena arena = Arena.ofConfined();
             Ring loopA = Ring.create("rt_loop_a2", 1024, socket);
             Ring loopB = Ring.create("rt_loop_b2", 1024, socket);
             Ring unused = Ring.create("rt_unused2", 64, socket);
             Mempool pool = Mempool.create("rt_pool2", 1023, 0, socket)) {
            assertThat(Ring.attachAsPort("rt_pa", loopA, loopA, socket)).isEqualTo("net_ring_rt_pa");
            Ring.attachAsPort("rt_pb", loopB, loopB, socket);
            String inject = Ring.attachAsPort("rt_inj", unused, loopA, socket);
            assertThat(Ring.lookup("rt_loop_a2").capacity()).isEqualTo(1023);

            // Inject through a third port that transmits into port A's ring.
            MemorySegment pointers = arena.allocate(JAVA_LONG, PACKETS);
            assertThat(pool.allocate(pointers, PACKETS)).isTrue();
            for (int i = 0; i < PACKETS; i++) {
                long mbuf = pointers.getAtIndex(JAVA_LONG, i);
                NativeMemory.copyFrom(frames.get(i), Mbuf.data(mbuf));
                Mbuf.setLength(mbuf, frames.get(i).length);
            }
            try (Port injector = Port.configure(new PortSettings(inject, null, 1, 64, 64), pool)) {
                injector.start();
                assertThat(FastPath.tx(QueueEndpoint.tx(injector, 0), pointers.address(), PACKETS)).isEqualTo(PACKETS);
            }
            assertThat(loopA.count()).isEqualTo(PACKETS);

            RuntimeConfig config = RuntimeConfig.parse("ring.yaml", """
                    ports:
                      - {name: net_ring_rt_pa, queues: 1}
                      - {name: net_ring_rt_pb, queues: 1}
                    l2fwd:
                      pairs: [[net_ring_rt_pa, net_ring_rt_pb]]
                    """, "l2fwd");
            try (RunningVnf vnf = RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf()))) {
                Await.until("50 round trips", Duration.ofSeconds(20),
                        () -> vnf.snapshot().lcores().stream().mapToLong(LcoreSnapshot::txPackets).sum() > 100L * PACKETS);
                vnf.stop();
                assertThat(vnf.snapshot().lcores().stream().mapToLong(LcoreSnapshot::totalDrops).sum()).isZero();
                assertThat(loopA.count() + loopB.count()).isEqualTo(PACKETS);

                Set<String> original = new HashSet<>();
                Set<String> swapped = new HashSet<>();
                frames.forEach(f -> original.add(java.util.HexFormat.of().formatHex(f)));
                frames.forEach(f -> swapped.add(java.util.HexFormat.of().formatHex(Frames.macSwapped(f))));
                int onA = drain(vnf.ports().get(0), arena, original);
                int onB = drain(vnf.ports().get(1), arena, swapped);
                assertThat(onA + onB).isEqualTo(PACKETS);
            }
        }
    }

    /** Receives everything left on the port; each packet must be one of {@code expected} (removed when seen). */
    private static int drain(Port port, Arena arena, Set<String> expected) {
        MemorySegment pointers = arena.allocate(JAVA_LONG, 32);
        QueueEndpoint rx = QueueEndpoint.rx(port, 0);
        int total = 0;
        for (int n; (n = FastPath.rx(rx, pointers.address(), 32)) > 0; total += n) {
            for (int i = 0; i < n; i++) {
                long mbuf = pointers.getAtIndex(JAVA_LONG, i);
                String bytes = java.util.HexFormat.of().formatHex(NativeMemory.copyTo(Mbuf.data(mbuf), Mbuf.dataLength(mbuf)));
                assertThat(expected.remove(bytes)).as("packet on %s is an injected one, with the MACs of its hop count", port.name()).isTrue();
            }
            Mempool.free(pointers, n);
        }
        return total;
    }
}
