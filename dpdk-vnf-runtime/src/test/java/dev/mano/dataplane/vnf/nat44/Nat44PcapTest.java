package dev.mano.dataplane.vnf.nat44;

import dev.mano.dataplane.packet.Tcp;
import dev.mano.dataplane.vnf.chain.Packets;
import dev.mano.dataplane.vnf.chain.PcapHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.mano.dataplane.vnf.chain.Packets.MAC_A;
import static dev.mano.dataplane.vnf.chain.Packets.MAC_B;
import static dev.mano.dataplane.vnf.chain.Packets.ethernet;
import static dev.mano.dataplane.vnf.chain.Packets.icmpEcho;
import static dev.mano.dataplane.vnf.chain.Packets.ip;
import static dev.mano.dataplane.vnf.chain.Packets.ipv4;
import static dev.mano.dataplane.vnf.chain.Packets.tcp;
import static dev.mano.dataplane.vnf.chain.Packets.udp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * pcap in -> nat44 -> pcap out on real DPDK. Expected packets are built from scratch by the test with
 * the translated addresses (and checksums from the test's own code), then compared byte for byte; scapy
 * re-checks every checksum. One pool address, next-fit allocation: the first mapping of each protocol gets 1024.
 */
class Nat44PcapTest {
    static final String SECTION = """
            nat44:
              ports: [%1$s, %2$s]
              pool: [203.0.113.1]
              port-range: 1024-2047
              static:
                - {protocol: tcp, external: "203.0.113.1:8080", internal: "10.0.0.80:80"}
            """;
    static final int POOL = ip("203.0.113.1");

    @TempDir
    Path dir;

    static byte[] udpFrame(int src, int dst, int sport, int dport, int length) {
        return ethernet(MAC_B, MAC_A, 0x0800, ipv4(src, dst, 17, 64, udp(src, dst, sport, dport, new byte[length])));
    }

    static byte[] tcpFrame(int src, int dst, int sport, int dport, int flags) {
        return ethernet(MAC_B, MAC_A, 0x0800, ipv4(src, dst, 6, 64, tcp(src, dst, sport, dport, flags, new byte[12])));
    }

    static byte[] icmpFrame(int src, int dst, int type, int id) {
        return ethernet(MAC_B, MAC_A, 0x0800, ipv4(src, dst, 1, 64, icmpEcho(type, id, 3, new byte[24])));
    }

    @Test
    void translatesOutboundAndRepliesWithEndpointIndependentMappingsAndStaticDnat() throws Exception {
        int host = ip("10.0.0.5");
        int other = ip("10.0.0.6");
        int dns = ip("8.8.8.8");
        int web = ip("1.1.1.1");
        int client = ip("198.51.100.7");
        List<byte[]> inside = List.of(
                udpFrame(host, dns, 5000, 53, 20),
                udpFrame(host, web, 5000, 53, 21),          // same inside endpoint: same mapping (EIM)
                udpFrame(other, dns, 5000, 53, 22),         // another host: next port
                tcpFrame(host, web, 40000, 443, Tcp.SYN),
                icmpFrame(host, dns, 8, 77),
                tcpFrame(ip("10.0.0.80"), client, 80, 33000, Tcp.SYN | Tcp.ACK),  // static mapping's reply
                ethernet(MAC_B, MAC_A, 0x0800, ipv4(host, dns, 47, 64, new byte[8])));  // GRE: unsupported
        List<byte[]> outside = List.of(
                udpFrame(dns, POOL, 53, 1024, 30),
                udpFrame(web, POOL, 53, 1024, 31),          // endpoint-independent filtering: any peer may reply
                tcpFrame(web, POOL, 443, 1024, Tcp.SYN | Tcp.ACK),
                icmpFrame(dns, POOL, 0, 1024),
                tcpFrame(client, POOL, 33001, 8080, Tcp.SYN),
                udpFrame(dns, POOL, 53, 1999, 30));         // no mapping

        AtomicReference<Nat44Vnf> vnf = new AtomicReference<>();
        PcapHarness.Result result = PcapHarness.run(dir, "nat44", SECTION, config -> {
            vnf.set(Nat44Vnf.fromConfig(config.vnf()));
            return vnf.get();
        }, inside, outside);

        assertThat(result.outB()).containsExactly(
                udpFrame(POOL, dns, 1024, 53, 20),
                udpFrame(POOL, web, 1024, 53, 21),
                udpFrame(POOL, dns, 1025, 53, 22),
                tcpFrame(POOL, web, 1024, 443, Tcp.SYN),
                icmpFrame(POOL, dns, 8, 1024),
                tcpFrame(POOL, client, 8080, 33000, Tcp.SYN | Tcp.ACK));
        assertThat(result.outA()).containsExactly(
                udpFrame(dns, host, 53, 5000, 30),
                udpFrame(web, host, 53, 5000, 31),
                tcpFrame(web, host, 443, 40000, Tcp.SYN | Tcp.ACK),
                icmpFrame(dns, host, 0, 77),
                tcpFrame(client, ip("10.0.0.80"), 33001, 80, Tcp.SYN));
        assertThat(vnf.get().nat().drops()).isEqualTo(Map.of(Nat44Drop.UNSUPPORTED_PROTOCOL, 1L, Nat44Drop.NO_MAPPING, 1L));
        assertThat(result.drops()).isEqualTo(2);
        String scapy = PcapHarness.scapyChecksumReport(dir, concat(result.outA(), result.outB()));
        if (scapy != null) {
            assertThat(scapy).startsWith("checked 11 packets, 0 bad");
        }
    }

    static List<byte[]> concat(List<byte[]> a, List<byte[]> b) {
        List<byte[]> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
