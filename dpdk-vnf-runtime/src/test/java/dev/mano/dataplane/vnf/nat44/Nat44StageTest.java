package dev.mano.dataplane.vnf.nat44;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.packet.Tcp;
import dev.mano.dataplane.vnf.chain.Packets;
import dev.mano.dataplane.vnf.chain.TestConfig;
import dev.mano.dataplane.vnf.chain.TestMbufs;
import org.junit.jupiter.api.Test;

import static dev.mano.dataplane.vnf.chain.Packets.ip;
import static dev.mano.dataplane.vnf.chain.Packets.u16;
import static dev.mano.dataplane.vnf.chain.Packets.u32;
import static org.assertj.core.api.Assertions.assertThat;

class Nat44StageTest {

    static Nat44Config config(String ports) {
        return Nat44Config.from(TestConfig.section("""
                nat44:
                  ports: [a, b]
                  pool: [203.0.113.1]
                  port-range: %s
                  max-mappings: 1000
                  static:
                    - {protocol: tcp, external: "203.0.113.1:8080", internal: "10.0.0.80:80"}
                """.formatted(ports), "nat44"));
    }

    private static byte[] run(Nat44Stage stage, TestMbufs mbufs, int rx, byte[] frame) {
        Burst burst = mbufs.load(rx, 1 - rx, frame);
        stage.process(burst);
        return burst.dropped(0) ? null : mbufs.frame(0);
    }

    @Test
    void translatesUdpTcpAndIcmpBothWaysWithValidChecksums() {
        try (Nat44 nat = new Nat44(config("1024-65535")); TestMbufs mbufs = new TestMbufs(4)) {
            Nat44Stage stage = nat.newStage(0);
            byte[] out = run(stage, mbufs, 0, Packets.udpFrame("10.0.0.5", "8.8.8.8", 5000, 53, 64, 21));
            assertThat(out).isNotNull();
            assertThat(u32(out, 26)).isEqualTo(ip("203.0.113.1"));
            int externalPort = u16(out, 34);
            assertThat(Packets.checksumsValid(out)).isTrue();
            // Endpoint-independent: another destination reuses the mapping.
            byte[] again = run(stage, mbufs, 0, Packets.udpFrame("10.0.0.5", "1.1.1.1", 5000, 53, 64, 21));
            assertThat(u16(again, 34)).isEqualTo(externalPort);
            byte[] back = run(stage, mbufs, 1, Packets.udpFrame("1.1.1.1", "203.0.113.1", 53, externalPort, 64, 21));
            assertThat(u32(back, 30)).isEqualTo(ip("10.0.0.5"));
            assertThat(u16(back, 36)).isEqualTo(5000);
            assertThat(Packets.checksumsValid(back)).isTrue();

            byte[] syn = run(stage, mbufs, 0, Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40000, 443, Tcp.SYN));
            assertThat(Packets.checksumsValid(syn)).isTrue();
            byte[] ping = run(stage, mbufs, 0, Packets.icmpFrame("10.0.0.5", "8.8.8.8", 8, 99));
            assertThat(Packets.checksumsValid(ping)).isTrue();
            int icmpId = u16(ping, 38);
            byte[] pong = run(stage, mbufs, 1, Packets.icmpFrame("8.8.8.8", "203.0.113.1", 0, icmpId));
            assertThat(u16(pong, 38)).isEqualTo(99);
            assertThat(u32(pong, 30)).isEqualTo(ip("10.0.0.5"));
            assertThat(Packets.checksumsValid(pong)).isTrue();

            assertThat(run(stage, mbufs, 1, Packets.udpFrame("1.1.1.1", "203.0.113.1", 53, 9, 64, 21))).isNull();
            assertThat(stage.drops().get(Nat44Drop.NO_MAPPING)).isEqualTo(1);
        }
    }

    @Test
    void staticDnatReachesTheInsideServerAndItsRepliesLeaveFromTheExternalEndpoint() {
        try (Nat44 nat = new Nat44(config("1024-65535")); TestMbufs mbufs = new TestMbufs(4)) {
            Nat44Stage stage = nat.newStage(0);
            byte[] in = run(stage, mbufs, 1, Packets.tcpFrame("198.51.100.7", "203.0.113.1", 33000, 8080, Tcp.SYN));
            assertThat(u32(in, 30)).isEqualTo(ip("10.0.0.80"));
            assertThat(u16(in, 36)).isEqualTo(80);
            assertThat(Packets.checksumsValid(in)).isTrue();
            byte[] reply = run(stage, mbufs, 0, Packets.tcpFrame("10.0.0.80", "198.51.100.7", 80, 33000, Tcp.SYN | Tcp.ACK));
            assertThat(u32(reply, 26)).isEqualTo(ip("203.0.113.1"));
            assertThat(u16(reply, 34)).isEqualTo(8080);
            assertThat(Packets.checksumsValid(reply)).isTrue();
        }
    }

    @Test
    void countsPortExhaustion() {
        try (Nat44 nat = new Nat44(config("2000-2009")); TestMbufs mbufs = new TestMbufs(4)) {
            Nat44Stage stage = nat.newStage(0);
            for (int i = 0; i < 10; i++) {
                assertThat(run(stage, mbufs, 0, Packets.udpFrame("10.0.0.5", "8.8.8.8", 6000 + i, 53, 64, 0))).isNotNull();
            }
            assertThat(run(stage, mbufs, 0, Packets.udpFrame("10.0.0.5", "8.8.8.8", 7000, 53, 64, 0))).isNull();
            assertThat(nat.exhaustion()).isEqualTo(1);
            assertThat(nat.drops()).containsEntry(Nat44Drop.PORTS_EXHAUSTED, 1L);
            assertThat(nat.portsInUse(17)).isEqualTo(10);
        }
    }

    @Test
    void udpWithoutChecksumStaysWithout() {
        try (Nat44 nat = new Nat44(config("1024-65535")); TestMbufs mbufs = new TestMbufs(4)) {
            byte[] frame = Packets.udpFrame("10.0.0.5", "8.8.8.8", 5000, 53, 64, 10);
            frame[40] = 0;
            frame[41] = 0;
            byte[] out = run(nat.newStage(0), mbufs, 0, frame);
            assertThat(u16(out, 40)).isZero();
            assertThat(Packets.checksumsValid(out)).isTrue();
        }
    }
}
