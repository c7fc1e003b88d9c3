package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.packet.Tcp;
import dev.mano.dataplane.vnf.firewall.FirewallDrop;
import dev.mano.dataplane.vnf.nat44.Nat44Drop;
import dev.mano.dataplane.vnf.router.RouterDrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.mano.dataplane.vnf.chain.Packets.ethernet;
import static dev.mano.dataplane.vnf.chain.Packets.icmpEcho;
import static dev.mano.dataplane.vnf.chain.Packets.ip;
import static dev.mano.dataplane.vnf.chain.Packets.ipv4;
import static dev.mano.dataplane.vnf.chain.Packets.tcp;
import static dev.mano.dataplane.vnf.chain.Packets.udp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * firewall -> nat44 -> router as stages of one worker on real DPDK (pcap in, pcap out): outbound
 * traffic is filtered, source-translated and routed; replies come back routed, de-translated and
 * matched to the firewall's connections. Expected frames are built from scratch by the test.
 */
class ChainPcapTest {
    static final String SECTION = """
            chain:
              ports: [%1$s, %2$s]
              order: [firewall, nat44, router]
              firewall:
                default: deny
                rules:
                  - {id: lan-out, action: allow, source: 10.0.0.0/8}
              nat44:
                pool: [203.0.113.1]
                port-range: 1024-2047
              router:
                neighbours:
                  - {name: isp, port: %2$s, mac: "02:00:00:00:0b:01", source-mac: "02:00:00:00:0b:ff"}
                  - {name: lan, port: %1$s, mac: "02:00:00:00:0a:01", source-mac: "02:00:00:00:0a:ff"}
                routes:
                  - {destination: 0.0.0.0/0, via: isp}
                  - {destination: 10.0.0.0/8, via: lan}
                  - {destination: 203.0.113.0/24, via: lan}
            """;
    static final byte[] ISP = Packets.mac(2, 0, 0, 0, 0x0b, 1);
    static final byte[] TO_ISP = Packets.mac(2, 0, 0, 0, 0x0b, 0xff);
    static final byte[] LAN = Packets.mac(2, 0, 0, 0, 0x0a, 1);
    static final byte[] TO_LAN = Packets.mac(2, 0, 0, 0, 0x0a, 0xff);
    static final int POOL = ip("203.0.113.1");

    @TempDir
    Path dir;

    static byte[] udpFrame(byte[] dmac, byte[] smac, int src, int dst, int sport, int dport, int ttl) {
        return ethernet(dmac, smac, 0x0800, ipv4(src, dst, 17, ttl, udp(src, dst, sport, dport, new byte[18])));
    }

    static byte[] tcpFrame(byte[] dmac, byte[] smac, int src, int dst, int sport, int dport, int flags, int ttl) {
        return ethernet(dmac, smac, 0x0800, ipv4(src, dst, 6, ttl, tcp(src, dst, sport, dport, flags, new byte[6])));
    }

    static byte[] icmpFrame(byte[] dmac, byte[] smac, int src, int dst, int type, int id, int ttl) {
        return ethernet(dmac, smac, 0x0800, ipv4(src, dst, 1, ttl, icmpEcho(type, id, 1, new byte[8])));
    }

    @Test
    void filtersTranslatesAndRoutesBothWaysInOneWorker() throws Exception {
        byte[] m = Packets.MAC_B;
        byte[] n = Packets.MAC_A;
        int host = ip("10.0.0.5");
        int dns = ip("8.8.8.8");
        int web = ip("93.184.216.34");
        List<byte[]> inside = List.of(
                udpFrame(m, n, host, dns, 5000, 53, 64),
                tcpFrame(m, n, host, web, 40000, 443, Tcp.SYN, 64),
                icmpFrame(m, n, host, dns, 8, 9, 64),
                udpFrame(m, n, ip("192.168.1.1"), dns, 5000, 53, 64),   // not from the LAN: firewall denies
                udpFrame(m, n, host, dns, 5001, 53, 1));                // TTL 1: firewall and NAT pass it, router drops
        List<byte[]> outside = List.of(
                udpFrame(m, n, dns, POOL, 53, 1024, 50),
                tcpFrame(m, n, web, POOL, 443, 1024, Tcp.SYN | Tcp.ACK, 50),
                icmpFrame(m, n, dns, POOL, 0, 1024, 50),
                udpFrame(m, n, ip("8.8.4.4"), POOL, 53, 1500, 50));     // no mapping: NAT drops

        AtomicReference<ChainVnf> vnf = new AtomicReference<>();
        PcapHarness.Result result = PcapHarness.run(dir, "chain", SECTION, config -> {
            vnf.set(ChainVnf.fromConfig(config.vnf()));
            return vnf.get();
        }, inside, outside);

        assertThat(result.outB()).containsExactly(
                udpFrame(ISP, TO_ISP, POOL, dns, 1024, 53, 63),
                tcpFrame(ISP, TO_ISP, POOL, web, 1024, 443, Tcp.SYN, 63),
                icmpFrame(ISP, TO_ISP, POOL, dns, 8, 1024, 63));
        assertThat(result.outA()).containsExactly(
                udpFrame(LAN, TO_LAN, dns, host, 53, 5000, 49),
                tcpFrame(LAN, TO_LAN, web, host, 443, 40000, Tcp.SYN | Tcp.ACK, 49),
                icmpFrame(LAN, TO_LAN, dns, host, 0, 9, 49));
        assertThat(vnf.get().firewall().drops()).isEqualTo(Map.of(FirewallDrop.DENIED, 1L));
        assertThat(vnf.get().nat().drops()).isEqualTo(Map.of(Nat44Drop.NO_MAPPING, 1L));
        assertThat(vnf.get().router().drops()).isEqualTo(Map.of(RouterDrop.TTL_EXCEEDED, 1L));
        assertThat(result.drops()).isEqualTo(3);
        List<byte[]> all = new ArrayList<>(result.outA());
        all.addAll(result.outB());
        String scapy = PcapHarness.scapyChecksumReport(dir, all);
        if (scapy != null) {
            assertThat(scapy).startsWith("checked 6 packets, 0 bad");
        }
    }
}
