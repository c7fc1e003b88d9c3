package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.packet.Tcp;
import dev.mano.dataplane.vnf.chain.Packets;
import dev.mano.dataplane.vnf.chain.TestConfig;
import dev.mano.dataplane.vnf.chain.TestMbufs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FirewallStageTest {

    static FirewallConfig config(String yaml) {
        return FirewallConfig.from(TestConfig.section(yaml, "firewall"));
    }

    static final String RULES = """
            firewall:
              ports: [a, b]
              default: deny
              max-connections: 1000
              timeouts: {udp: 1}
              rules:
                - {id: block-telnet, action: deny, protocol: tcp, destination-ports: 23}
                - {id: web-out, action: allow, protocol: tcp, source: 10.0.0.0/8, destination-ports: 80-443}
                - {id: dns, action: allow, protocol: udp, destination-ports: "53"}
                - {id: ping, action: allow, protocol: icmp, source: 10.0.0.0/8}
            """;

    private static boolean passes(FirewallStage stage, TestMbufs mbufs, int rx, byte[] frame) {
        Burst burst = mbufs.load(rx, 1 - rx, frame);
        stage.process(burst);
        return !burst.dropped(0);
    }

    @Test
    void tracksATcpConnectionThroughItsStatesAndLetsRepliesIn() {
        try (Firewall firewall = new Firewall(config(RULES)); TestMbufs mbufs = new TestMbufs(4)) {
            FirewallStage stage = firewall.newStage();
            // Outside cannot open, inside can.
            assertThat(passes(stage, mbufs, 1, Packets.tcpFrame("8.8.8.8", "10.0.0.5", 80, 40000, Tcp.SYN))).isFalse();
            assertThat(passes(stage, mbufs, 1, Packets.tcpFrame("8.8.8.8", "10.0.0.5", 80, 40000, Tcp.ACK))).isFalse();
            assertThat(passes(stage, mbufs, 0, Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40000, 80, Tcp.SYN))).isTrue();
            assertThat(passes(stage, mbufs, 1, Packets.tcpFrame("8.8.8.8", "10.0.0.5", 80, 40000, Tcp.SYN | Tcp.ACK))).isTrue();
            assertThat(passes(stage, mbufs, 0, Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40000, 80, Tcp.ACK))).isTrue();
            assertThat(passes(stage, mbufs, 1, Packets.tcpFrame("8.8.8.8", "10.0.0.5", 80, 40000, Tcp.ACK))).isTrue();
            assertThat(passes(stage, mbufs, 0, Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40000, 80, Tcp.FIN | Tcp.ACK))).isTrue();
            assertThat(passes(stage, mbufs, 1, Packets.tcpFrame("8.8.8.8", "10.0.0.5", 80, 40000, Tcp.FIN | Tcp.ACK))).isTrue();
            // Telnet is denied by the first rule even from inside; an unknown port by the default.
            assertThat(passes(stage, mbufs, 0, Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40001, 23, Tcp.SYN))).isFalse();
            assertThat(passes(stage, mbufs, 0, Packets.tcpFrame("10.0.0.5", "8.8.8.8", 40001, 8080, Tcp.SYN))).isFalse();
            assertThat(stage.drops().snapshot()).isEqualTo(Map.of(FirewallDrop.DENIED, 3L, FirewallDrop.NO_CONNECTION, 1L));
            assertThat(firewall.ruleHits()).containsEntry("web-out", 1L).containsEntry("block-telnet", 1L);
            assertThat(stage.connections()).isEqualTo(1);
        }
    }

    @Test
    void udpAndIcmpRepliesPassUntilTheConnectionTimesOut() throws Exception {
        try (Firewall firewall = new Firewall(config(RULES)); TestMbufs mbufs = new TestMbufs(4)) {
            FirewallStage stage = firewall.newStage();
            assertThat(passes(stage, mbufs, 0, Packets.udpFrame("10.0.0.5", "9.9.9.9", 5353, 53, 64, 20))).isTrue();
            assertThat(passes(stage, mbufs, 1, Packets.udpFrame("9.9.9.9", "10.0.0.5", 53, 5353, 64, 20))).isTrue();
            assertThat(passes(stage, mbufs, 1, Packets.udpFrame("9.9.9.9", "10.0.0.5", 53, 5354, 64, 20))).isFalse();
            assertThat(passes(stage, mbufs, 0, Packets.icmpFrame("10.0.0.5", "9.9.9.9", 8, 77))).isTrue();
            assertThat(passes(stage, mbufs, 1, Packets.icmpFrame("9.9.9.9", "10.0.0.5", 0, 77))).isTrue();
            assertThat(passes(stage, mbufs, 1, Packets.icmpFrame("9.9.9.9", "10.0.0.5", 0, 78))).isFalse();
            // udp timeout is 1 s in this config; udp-replied stays at its default, so age a new, unreplied flow.
            assertThat(passes(stage, mbufs, 0, Packets.udpFrame("10.0.0.6", "9.9.9.9", 5353, 53, 64, 20))).isTrue();
            Thread.sleep(1100);
            assertThat(passes(stage, mbufs, 1, Packets.udpFrame("9.9.9.9", "10.0.0.6", 53, 5353, 64, 20))).isFalse();
        }
    }

    @Test
    void ruleChangesApplyToNewConnectionsOnly() {
        try (Firewall firewall = new Firewall(config(RULES)); TestMbufs mbufs = new TestMbufs(4)) {
            FirewallStage stage = firewall.newStage();
            assertThat(passes(stage, mbufs, 0, Packets.udpFrame("10.0.0.5", "9.9.9.9", 5353, 53, 64, 20))).isTrue();
            firewall.replaceRules(List.of());
            assertThat(passes(stage, mbufs, 1, Packets.udpFrame("9.9.9.9", "10.0.0.5", 53, 5353, 64, 20))).isTrue();
            assertThat(passes(stage, mbufs, 0, Packets.udpFrame("10.0.0.5", "9.9.9.9", 5354, 53, 64, 20))).isFalse();
        }
    }
}
