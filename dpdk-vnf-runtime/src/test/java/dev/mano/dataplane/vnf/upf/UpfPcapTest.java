package dev.mano.dataplane.vnf.upf;

import dev.mano.dataplane.vnf.chain.Packets;
import dev.mano.dataplane.vnf.chain.PcapHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.mano.dataplane.vnf.chain.Packets.ip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * pcap in -> upf -> pcap out on real DPDK: GTP-U from the gNB on N3 comes out of N6 as plain IPv4,
 * IPv4 to a UE on N6 comes out of N3 in GTP-U; expected frames are built by the test.
 */
class UpfPcapTest {
    static final String SECTION = """
            upf:
              n3: {port: %1$s, address: 192.0.2.1, mac: "02:00:00:00:03:01", next-hop-mac: "02:00:00:00:03:02"}
              n6: {port: %2$s, mac: "02:00:00:00:06:01", next-hop-mac: "02:00:00:00:06:02"}
              sessions:
                - {seid: 1, ue: 10.45.0.2, uplink-teid: 0x100, downlink-teid: 0x200, gnb: 192.0.2.10}
                - {seid: 2, ue: 10.45.0.3, uplink-teid: 0x101, downlink-teid: 0x201, gnb: 192.0.2.11}
            """;
    static final byte[] N3_MAC = Packets.mac(2, 0, 0, 0, 3, 1);
    static final byte[] N3_PEER = Packets.mac(2, 0, 0, 0, 3, 2);
    static final byte[] N6_MAC = Packets.mac(2, 0, 0, 0, 6, 1);
    static final byte[] N6_PEER = Packets.mac(2, 0, 0, 0, 6, 2);

    @TempDir
    Path dir;

    static byte[] inner(String src, String dst, int length) {
        return Arrays.copyOfRange(Packets.udpFrame(src, dst, 4000, 5000, 64, length), 14, 14 + 28 + length);
    }

    /** Outer Ethernet/IPv4/UDP/GTP-U as the UPF must write it, built independently. */
    static byte[] encapsulated(String gnb, int teid, byte[] inner) {
        ByteBuffer gtp = ByteBuffer.allocate(8 + inner.length);
        gtp.put((byte) 0x30).put((byte) 0xFF).putShort((short) inner.length).putInt(teid).put(inner);
        byte[] udp = ByteBuffer.allocate(8 + gtp.capacity()).putShort((short) 2152).putShort((short) 2152)
                .putShort((short) (8 + gtp.capacity())).putShort((short) 0).put(gtp.array()).array();
        byte[] ip = Packets.ipv4(ip("192.0.2.1"), ip(gnb), 17, 64, udp);
        ip[4] = 0;   // identification 0 (the builder's default is 0x1234)
        ip[5] = 0;
        ip[10] = 0;
        ip[11] = 0;
        int sum = Packets.checksum(ip, 0, 20, 0);
        ip[10] = (byte) (sum >> 8);
        ip[11] = (byte) sum;
        return Packets.ethernet(N3_PEER, N3_MAC, 0x0800, ip);
    }

    @Test
    void decapsulatesUplinkAndEncapsulatesDownlinkPerSession() throws Exception {
        List<byte[]> n3 = new ArrayList<>();
        List<byte[]> expectedN6 = new ArrayList<>();
        List<byte[]> n6 = new ArrayList<>();
        List<byte[]> expectedN3 = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String ue = i % 2 == 0 ? "10.45.0.2" : "10.45.0.3";
            byte[] up = inner(ue, "8.8.8.8", 10 + i);
            n3.add(Packets.gtpuFrame(i % 2 == 0 ? "192.0.2.10" : "192.0.2.11", "192.0.2.1", i % 2 == 0 ? 0x100 : 0x101, up));
            expectedN6.add(Packets.ethernet(N6_PEER, N6_MAC, 0x0800, up));
            byte[] down = inner("8.8.8.8", ue, 40 + i);
            n6.add(Packets.ethernet(N6_MAC, N6_PEER, 0x0800, down));
            expectedN3.add(encapsulated(i % 2 == 0 ? "192.0.2.10" : "192.0.2.11", i % 2 == 0 ? 0x200 : 0x201, down));
        }
        n3.add(Packets.gtpuFrame("192.0.2.10", "192.0.2.1", 0x999, inner("10.45.0.2", "8.8.8.8", 5)));  // unknown TEID
        n6.add(Packets.ethernet(N6_MAC, N6_PEER, 0x0800, inner("8.8.8.8", "10.45.0.99", 5)));         // unknown UE

        AtomicReference<UpfVnf> vnf = new AtomicReference<>();
        PcapHarness.Result result = PcapHarness.run(dir, "upf", SECTION, config -> {
            vnf.set(UpfVnf.fromConfig(config.vnf()));
            return vnf.get();
        }, n3, n6);

        assertThat(result.outB()).containsExactlyElementsOf(expectedN6);
        assertThat(result.outA()).containsExactlyElementsOf(expectedN3);
        assertThat(vnf.get().upf().drops()).isEqualTo(Map.of(UpfDrop.UNKNOWN_TEID, 1L, UpfDrop.UNKNOWN_UE, 1L));
        SessionUsage one = vnf.get().upf().usage(1);
        assertThat(one.uplinkPackets()).isEqualTo(6);
        assertThat(one.downlinkPackets()).isEqualTo(6);
        assertThat(one.uplinkBytes()).isEqualTo(6 * 28 + 10 + 12 + 14 + 16 + 18 + 20);
    }
}
