package dev.mano.dataplane.vnf.lb;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.packet.MacAddress;
import dev.mano.dataplane.packet.Tcp;
import dev.mano.dataplane.vnf.chain.Packets;
import dev.mano.dataplane.vnf.chain.TestConfig;
import dev.mano.dataplane.vnf.chain.TestMbufs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LbStageTest {

    static LbConfig config() {
        return LbConfig.from(TestConfig.section("""
                lb:
                  ports: [a, b]
                  source-mac: "02:00:00:00:10:01"
                  services:
                    - name: web
                      vip: 10.0.0.100
                      port: 80
                      protocol: tcp
                      backends:
                        - {name: web-1, mac: "02:00:00:00:20:01"}
                        - {name: web-2, mac: "02:00:00:00:20:02"}
                        - {name: web-3, mac: "02:00:00:00:20:03"}
                """, "lb"));
    }

    private static String backendOf(byte[] frame) {
        long bits = MacAddress.ofBytes(Arrays.copyOfRange(frame, 0, 6)).bits();
        return "web-" + (bits >>> 40);
    }

    @Test
    void spreadsFlowsKeepsEachFlowOnOneBackendAndMovesOnlyTheRemovedBackendsFlows() {
        try (LoadBalancer lb = new LoadBalancer(config()); TestMbufs mbufs = new TestMbufs(4)) {
            LbStage stage = lb.newStage(MacAddress.parse("02:00:00:00:10:01").bits());
            Map<Integer, String> placement = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            for (int flow = 0; flow < 3000; flow++) {
                byte[] frame = Packets.tcpFrame("192.0.2." + (flow % 250), "10.0.0.100", 10000 + flow, 80, Tcp.SYN);
                Burst burst = mbufs.load(0, 1, frame);
                stage.process(burst);
                assertThat(burst.dropped(0)).isFalse();
                byte[] out = mbufs.frame(0);
                assertThat(Arrays.copyOfRange(out, 6, 12)).isEqualTo(MacAddress.parse("02:00:00:00:10:01").bytes());
                assertThat(Arrays.copyOfRange(out, 12, out.length)).isEqualTo(Arrays.copyOfRange(frame, 12, frame.length));
                placement.put(flow, backendOf(out));
                counts.merge(backendOf(out), 1, Integer::sum);
            }
            assertThat(counts.values()).allMatch(c -> c > 800);
            lb.removeBackend("web", "web-2");
            for (int flow = 0; flow < 3000; flow++) {
                byte[] frame = Packets.tcpFrame("192.0.2." + (flow % 250), "10.0.0.100", 10000 + flow, 80, Tcp.ACK);
                stage.process(mbufs.load(0, 1, frame));
                String now = backendOf(mbufs.frame(0));
                assertThat(now).isNotEqualTo("web-2");
                if (!placement.get(flow).equals("web-2")) {
                    assertThat(now).as("flow " + flow + " on a surviving backend must stay").isEqualTo(placement.get(flow));
                }
            }
        }
    }

    @Test
    void dropsTrafficToNoServiceAndToAServiceWithoutHealthyBackends() {
        try (LoadBalancer lb = new LoadBalancer(config()); TestMbufs mbufs = new TestMbufs(4)) {
            LbStage stage = lb.newStage(MacAddress.parse("02:00:00:00:10:01").bits());
            Burst burst = mbufs.load(0, 1, Packets.tcpFrame("192.0.2.1", "10.0.0.101", 1, 80, Tcp.SYN));
            stage.process(burst);
            assertThat(burst.dropped(0)).isTrue();
            for (String b : new String[] {"web-1", "web-2", "web-3"}) {
                lb.setHealth("web", b, false);
            }
            burst = mbufs.load(0, 1, Packets.tcpFrame("192.0.2.1", "10.0.0.100", 1, 80, Tcp.SYN));
            stage.process(burst);
            assertThat(burst.dropped(0)).isTrue();
            assertThat(lb.drops()).containsEntry(LbDrop.NO_SERVICE, 1L).containsEntry(LbDrop.NO_BACKEND, 1L);
        }
    }
}
