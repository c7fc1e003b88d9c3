package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.packet.Tcp;
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

/**
 * pcap in -> firewall -> pcap out on real DPDK. Both directions of each conversation come in on port A
 * in their real order (the firewall tells them apart by tuple, not by port), so the result is exact.
 */
class FirewallPcapTest {
    static final String SECTION = """
            firewall:
              ports: [%1$s, %2$s]
              default: deny
              rules:
                - {id: no-telnet, action: deny, protocol: tcp, destination-ports: "23"}
                - {id: web, action: allow, protocol: tcp, source: 10.0.0.0/8, destination-ports: 80-443}
                - {id: dns, action: allow, protocol: udp, source: 10.0.0.0/8, destination-ports: "53"}
                - {id: ping, action: allow, protocol: icmp, source: 10.0.0.0/8}
            """;

    @TempDir
    Path dir;

    @Test
    void passesTrackedConversationsAndDropsTheRestCountingEachReason() throws Exception {
        List<byte[]> in = new ArrayList<>();
        List<byte[]> passed = new ArrayList<>();
        java.util.function.BiConsumer<byte[], Boolean> add = (frame, passes) -> {
            in.add(frame);
            if (passes) {
                passed.add(frame);
            }
        };
        add.accept(Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40000, 80, Tcp.SYN), true);
        add.accept(Packets.tcpFrame("8.8.8.8", "10.0.0.5", 80, 40000, Tcp.SYN | Tcp.ACK), true);
        add.accept(Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40000, 80, Tcp.ACK), true);
        add.accept(Packets.tcpFrame("8.8.8.8", "10.0.0.5", 80, 40000, Tcp.ACK), true);
        add.accept(Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40000, 80, Tcp.FIN | Tcp.ACK), true);
        add.accept(Packets.tcpFrame("8.8.8.8", "10.0.0.5", 80, 40000, Tcp.FIN | Tcp.ACK), true);
        add.accept(Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40001, 23, Tcp.SYN), false);          // rule no-telnet
        add.accept(Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40002, 8080, Tcp.SYN), false);        // default deny
        add.accept(Packets.tcpFrame("8.8.4.4", "10.0.0.5", 80, 40009, Tcp.ACK), false);          // no connection
        add.accept(Packets.tcpFrame("8.8.4.4", "10.0.0.5", 1234, 80, Tcp.SYN), false);           // outside cannot open
        add.accept(Packets.udpFrame("10.0.0.7", "9.9.9.9", 5353, 53, 64, 30), true);
        add.accept(Packets.udpFrame("9.9.9.9", "10.0.0.7", 53, 5353, 64, 90), true);
        add.accept(Packets.udpFrame("9.9.9.9", "10.0.0.7", 53, 5354, 64, 90), false);            // not tracked, and no rule lets it open
        add.accept(Packets.icmpFrame("10.0.0.7", "9.9.9.9", 8, 42), true);
        add.accept(Packets.icmpFrame("9.9.9.9", "10.0.0.7", 0, 42), true);
        add.accept(Packets.ethernet(Packets.MAC_B, Packets.MAC_A, 0x86DD, new byte[60]), false); // IPv6
        add.accept(Packets.ethernet(Packets.MAC_B, Packets.MAC_A, 0x0800,                        // later fragment
                Packets.ipv4(Packets.ip("10.0.0.7"), Packets.ip("9.9.9.9"), 17, 64, 0x0010, new byte[40])), false);
        byte[] truncated = java.util.Arrays.copyOf(Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40000, 80, Tcp.ACK), 44);
        truncated[17] = 30; // total length 30: the TCP header would not fit
        add.accept(truncated, false);

        AtomicReference<FirewallVnf> vnf = new AtomicReference<>();
        PcapHarness.Result result = PcapHarness.run(dir, "firewall", SECTION, config -> {
            vnf.set(FirewallVnf.fromConfig(config.vnf()));
            return vnf.get();
        }, in, List.of());

        assertThat(result.outB()).containsExactlyElementsOf(passed);
        assertThat(result.outA()).isEmpty();
        assertThat(vnf.get().firewall().drops()).isEqualTo(Map.of(FirewallDrop.DENIED, 4L, FirewallDrop.NO_CONNECTION, 1L,
                FirewallDrop.NOT_IPV4, 1L, FirewallDrop.FRAGMENT, 1L, FirewallDrop.TRUNCATED, 1L));
        assertThat(result.drops()).isEqualTo(in.size() - passed.size());
        assertThat(vnf.get().firewall().ruleHits()).containsEntry("no-telnet", 1L).containsEntry("web", 1L)
                .containsEntry("dns", 1L).containsEntry("ping", 1L);
    }
}
