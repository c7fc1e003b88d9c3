package dev.mano.dataplane.vnf.lb;

import dev.mano.dataplane.packet.Tcp;
import dev.mano.dataplane.vnf.chain.Packets;
import dev.mano.dataplane.vnf.chain.PcapHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** pcap in -> lb -> pcap out on real DPDK: flows spread over backends, every packet of a flow to the same one, IP untouched. */
class LbPcapTest {
    static final String SECTION = """
            lb:
              ports: [%1$s, %2$s]
              source-mac: "02:00:00:00:10:01"
              services:
                - name: web
                  vip: 10.0.0.100
                  port: 80
                  backends:
                    - {name: web-1, mac: "02:00:00:00:20:01"}
                    - {name: web-2, mac: "02:00:00:00:20:02"}
                    - {name: web-3, mac: "02:00:00:00:20:03"}
                    - {name: web-4, mac: "02:00:00:00:20:04", healthy: false}
            """;

    @TempDir
    Path dir;

    @Test
    void spreadsFlowsOverHealthyBackendsKeepingEachFlowOnOne() throws Exception {
        List<byte[]> in = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int flow = 0; flow < 60; flow++) {
                in.add(Packets.tcpFrame("192.0.2." + (1 + flow % 50), "10.0.0.100", 20000 + flow, 80,
                        round == 0 ? Tcp.SYN : Tcp.ACK));
            }
        }
        in.add(Packets.tcpFrame("192.0.2.1", "10.0.0.100", 20000, 443, Tcp.SYN));   // not a service
        in.add(Packets.udpFrame("192.0.2.1", "10.0.0.100", 20000, 80, 64, 4));      // tcp service only

        AtomicReference<LbVnf> vnf = new AtomicReference<>();
        PcapHarness.Result result = PcapHarness.run(dir, "lb", SECTION, config -> {
            vnf.set(LbVnf.fromConfig(config.vnf()));
            return vnf.get();
        }, in, List.of());

        assertThat(result.outB()).hasSize(180);
        Map<Integer, Integer> backendOfFlow = new HashMap<>();
        Map<Integer, Integer> flowsPerBackend = new HashMap<>();
        for (int i = 0; i < 180; i++) {
            byte[] out = result.outB().get(i);
            byte[] original = in.get(i);
            assertThat(Arrays.copyOfRange(out, 6, 12)).isEqualTo(Packets.mac(2, 0, 0, 0, 0x10, 1));
            assertThat(Arrays.copyOfRange(out, 12, out.length)).isEqualTo(Arrays.copyOfRange(original, 12, original.length));
            assertThat(Arrays.copyOfRange(out, 0, 5)).isEqualTo(new byte[] {2, 0, 0, 0, 0x20});
            int backend = out[5];
            assertThat(backend).isBetween(1, 3);
            Integer before = backendOfFlow.putIfAbsent(i % 60, backend);
            if (before == null) {
                flowsPerBackend.merge(backend, 1, Integer::sum);
            } else {
                assertThat(backend).as("flow " + (i % 60)).isEqualTo(before);
            }
        }
        assertThat(flowsPerBackend).hasSize(3);
        assertThat(vnf.get().balancer().drops()).isEqualTo(Map.of(LbDrop.NO_SERVICE, 2L));
    }
}
