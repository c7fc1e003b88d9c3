package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.packet.MacAddress;
import dev.mano.dataplane.vnf.chain.Packets;
import dev.mano.dataplane.vnf.chain.TestConfig;
import dev.mano.dataplane.vnf.chain.TestMbufs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RouterStageTest {
    static final MacAddress GW = MacAddress.parse("02:00:00:00:00:99");
    static final MacAddress OWN = MacAddress.parse("02:00:00:00:01:01");

    static RouterConfig config() {
        return new RouterConfig(List.of("a", "b"), List.of(Route.parse("198.18.0.0/16", 0), Route.parse("198.18.5.0/24", 1)),
                List.of(new Neighbour("gw", "b", GW, OWN), new Neighbour("back", "a", GW, null)), 16);
    }

    @Test
    void forwardsDecrementsTtlPatchesChecksumAndRewritesMacs() {
        try (Router router = new Router(config(), TestConfig.PORTS); TestMbufs mbufs = new TestMbufs(8)) {
            RouterStage stage = router.newStage();
            byte[] in = Packets.udpFrame("10.0.0.1", "198.18.1.1", 1000, 2000, 64, 18);
            Burst burst = mbufs.load(0, 1, in,
                    Packets.udpFrame("10.0.0.1", "198.19.0.1", 1, 2, 64, 18),   // no route
                    Packets.udpFrame("10.0.0.1", "198.18.1.1", 1, 2, 1, 18),    // TTL
                    Packets.udpFrame("10.0.0.1", "198.18.5.1", 1, 2, 64, 18),   // route back out of port a
                    Packets.ethernet(Packets.MAC_B, Packets.MAC_A, 0x0806, new byte[28]),
                    java.util.Arrays.copyOf(in, 30));                           // truncated IPv4
            stage.process(burst);
            assertThat(burst.dropped(0)).isFalse();
            byte[] out = mbufs.frame(0);
            assertThat(Packets.u8(out, 22)).isEqualTo(63);
            assertThat(Packets.checksumsValid(out)).isTrue();
            assertThat(MacAddress.ofBytes(java.util.Arrays.copyOfRange(out, 0, 6))).isEqualTo(GW);
            assertThat(MacAddress.ofBytes(java.util.Arrays.copyOfRange(out, 6, 12))).isEqualTo(OWN);
            assertThat(java.util.Arrays.copyOfRange(out, 12, out.length)).isEqualTo(withTtl(in, 63, 12));
            for (int i = 1; i < 6; i++) {
                assertThat(burst.dropped(i)).as("packet " + i).isTrue();
            }
            assertThat(stage.drops().get(RouterDrop.NO_ROUTE)).isEqualTo(1);
            assertThat(stage.drops().get(RouterDrop.TTL_EXCEEDED)).isEqualTo(1);
            assertThat(stage.drops().get(RouterDrop.OTHER_EGRESS_PORT)).isEqualTo(1);
            assertThat(stage.drops().get(RouterDrop.NOT_IPV4)).isEqualTo(1);
            assertThat(stage.drops().get(RouterDrop.BAD_HEADER) + stage.drops().get(RouterDrop.TRUNCATED)).isEqualTo(1);
        }
    }

    /** The input from {@code from} on, with the TTL set and the header checksum recomputed by the test's own code. */
    private static byte[] withTtl(byte[] frame, int ttl, int from) {
        byte[] copy = frame.clone();
        copy[22] = (byte) ttl;
        copy[24] = 0;
        copy[25] = 0;
        int sum = Packets.checksum(copy, 14, 20, 0);
        copy[24] = (byte) (sum >> 8);
        copy[25] = (byte) sum;
        return java.util.Arrays.copyOfRange(copy, from, copy.length);
    }

    @Test
    void routesChangeWhileAWorkerForwards() throws Exception {
        try (Router router = new Router(config(), TestConfig.PORTS)) {
            RouterStage stage = router.newStage();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try (TestMbufs mbufs = new TestMbufs(32)) {
                    byte[] frame = Packets.udpFrame("10.0.0.1", "203.0.113.9", 1, 2, 64, 18);
                    while (!stop.get()) {
                        stage.process(mbufs.load(0, 1, frame, frame, frame, frame));
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            worker.start();
            for (int i = 0; i < 5; i++) {
                router.addRoute(Route.parse("203.0.113.0/24", 0));
                assertThat(router.lookup(Ipv4Address.parse("203.0.113.9"))).isZero();
                assertThat(router.removeRoute(Ipv4Address.parse("203.0.113.0"), 24)).isTrue();
                assertThat(router.lookup(Ipv4Address.parse("203.0.113.9"))).isEqualTo(Dir24_8Table.NO_ROUTE);
            }
            router.addRoute(Route.parse("203.0.113.0/24", 0));
            long before = stage.forwarded();
            Thread.sleep(50);
            stop.set(true);
            worker.join();
            assertThat(failure.get()).isNull();
            assertThat(stage.forwarded()).isGreaterThan(before);
            assertThat(stage.drops().get(RouterDrop.NO_ROUTE)).isPositive();
        }
    }
}
