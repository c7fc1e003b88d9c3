package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.vnf.chain.Packets;
import dev.mano.dataplane.vnf.chain.PcapHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** pcap in -> router -> pcap out on real DPDK, compared with what the test computes on its own. */
class RouterPcapTest {
    static final byte[] GW_B = Packets.mac(0x02, 0, 0, 0, 0xbb, 0x01);
    static final byte[] OWN_B = Packets.mac(0x02, 0, 0, 0, 0xbb, 0xff);
    static final byte[] GW_A = Packets.mac(0x02, 0, 0, 0, 0xaa, 0x01);
    static final byte[] OWN_A = Packets.mac(0x02, 0, 0, 0, 0xaa, 0xff);

    static final String SECTION = """
            router:
              ports: [%1$s, %2$s]
              neighbours:
                - {name: up, port: %2$s, mac: "02:00:00:00:bb:01", source-mac: "02:00:00:00:bb:ff"}
                - {name: down, port: %1$s, mac: "02:00:00:00:aa:01", source-mac: "02:00:00:00:aa:ff"}
              routes:
                - {destination: 198.18.0.0/15, via: up}
                - {destination: 198.18.200.0/24, via: down}
                - {destination: 198.18.7.128/25, via: up}
                - {destination: 10.0.0.0/8, via: down}
            """;

    @TempDir
    Path dir;

    /** The expected output: TTL - 1, header checksum recomputed in full by the test, next hop MACs. */
    static byte[] routed(byte[] frame, byte[] destination, byte[] source, int l3) {
        byte[] out = frame.clone();
        System.arraycopy(destination, 0, out, 0, 6);
        System.arraycopy(source, 0, out, 6, 6);
        out[l3 + 8]--;
        out[l3 + 10] = 0;
        out[l3 + 11] = 0;
        int sum = Packets.checksum(out, l3, (out[l3] & 0x0F) * 4, 0);
        out[l3 + 10] = (byte) (sum >> 8);
        out[l3 + 11] = (byte) sum;
        return out;
    }

    @Test
    void routesByLongestPrefixDecrementsTtlAndCountsEveryDropByReason() throws Exception {
        List<byte[]> inA = new ArrayList<>();
        List<byte[]> expectedB = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] f = i % 2 == 0 ? Packets.udpFrame("10.1.0." + i, "198.18." + i + ".9", 1000 + i, 53, 64 - i, i)
                    : Packets.tcpFrame("10.1.0." + i, "198.19.3." + i, 40000 + i, 443, 0x10);
            inA.add(f);
            expectedB.add(routed(f, GW_B, OWN_B, 14));
        }
        byte[] tagged = Packets.vlan(Packets.MAC_B, Packets.MAC_A, 7, 0x0800,
                Packets.ipv4(Packets.ip("10.1.0.1"), Packets.ip("198.18.7.200"), 17, 9,
                        Packets.udp(Packets.ip("10.1.0.1"), Packets.ip("198.18.7.200"), 1, 2, new byte[4])));
        inA.add(tagged);
        expectedB.add(routed(tagged, GW_B, OWN_B, 18));
        inA.add(Packets.udpFrame("10.1.0.1", "203.0.113.1", 1, 2, 64, 0));          // no route
        inA.add(Packets.udpFrame("10.1.0.1", "198.18.0.1", 1, 2, 1, 0));             // TTL 1
        inA.add(Packets.udpFrame("10.1.0.1", "198.18.200.1", 1, 2, 64, 0));          // route points back out of A
        inA.add(Packets.ethernet(Packets.MAC_B, Packets.MAC_A, 0x0806, new byte[28])); // ARP
        byte[] badIhl = Packets.udpFrame("10.1.0.1", "198.18.0.1", 1, 2, 64, 0);
        badIhl[14] = 0x43;
        inA.add(badIhl);
        List<byte[]> inB = new ArrayList<>();
        List<byte[]> expectedA = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] f = Packets.udpFrame("198.18.1.1", "10.9.9." + i, 53, 1000 + i, 30, 10);
            inB.add(f);
            expectedA.add(routed(f, GW_A, OWN_A, 14));
        }

        AtomicReference<RouterVnf> vnf = new AtomicReference<>();
        PcapHarness.Result result = PcapHarness.run(dir, "router", SECTION, config -> {
            vnf.set(RouterVnf.fromConfig(config.vnf()));
            return vnf.get();
        }, inA, inB);

        assertThat(result.outB()).containsExactlyElementsOf(expectedB);
        assertThat(result.outA()).containsExactlyElementsOf(expectedA);
        result.outB().stream().filter(f -> Packets.u16(f, 12) == 0x0800)
                .forEach(f -> assertThat(Packets.checksumsValid(f)).isTrue());
        assertThat(vnf.get().router().drops()).isEqualTo(Map.of(RouterDrop.NO_ROUTE, 1L, RouterDrop.TTL_EXCEEDED, 1L,
                RouterDrop.OTHER_EGRESS_PORT, 1L, RouterDrop.NOT_IPV4, 1L, RouterDrop.BAD_HEADER, 1L));
        assertThat(result.drops()).isEqualTo(5);
    }
}
