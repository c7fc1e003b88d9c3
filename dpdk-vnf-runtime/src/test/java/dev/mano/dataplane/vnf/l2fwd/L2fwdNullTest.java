package dev.mano.dataplane.vnf.l2fwd;

import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.engine.DataplaneSnapshot;
import dev.mano.dataplane.engine.DropReason;
import dev.mano.dataplane.engine.LcoreSnapshot;
import dev.mano.dataplane.engine.PortSnapshot;
import dev.mano.dataplane.metrics.MetricsServer;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.port.Xstat;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.testing.Await;
import dev.mano.dataplane.testing.TestEal;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** l2fwd over two net_null ports with two queues each, served by two worker lcores. */
class L2fwdNullTest {

    @Test
    void forwardsOnEveryQueueAndTheCountersAgree() throws Exception {
        RuntimeConfig config = RuntimeConfig.parse("null.yaml", """
                ports:
                  - {name: net_null_fw0, devargs: net_null_fw0, queues: 2}
                  - {name: net_null_fw1, devargs: net_null_fw1, queues: 2}
                l2fwd:
                  mode: macswap
                  pairs: [[net_null_fw0, net_null_fw1]]
                """, "l2fwd");
        DataplaneSnapshot last;
        String metricsText;
        try (RunningVnf vnf = RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf()))) {
            assertThat(vnf.snapshot().lcores()).extracting(LcoreSnapshot::lcore).containsExactly(1, 2);
            Await.until("both lcores forwarded 200k packets", Duration.ofSeconds(20),
                    () -> vnf.snapshot().lcores().stream().allMatch(l -> l.txPackets() > 200_000));
            try (MetricsServer metrics = MetricsServer.start(vnf, 0)) {
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                metricsText = response.body();
            }
            Port first = vnf.ports().get(0);
            assertThat(first.link().up()).isTrue();
            assertThat(first.xstats()).extracting(Xstat::name).contains("rx_good_packets", "tx_good_packets", "rx_q0_packets", "rx_q1_packets");
            assertThat(first.xstats()).filteredOn(x -> x.name().equals("rx_q1_packets")).extracting(Xstat::value)
                    .allMatch(v -> v > 0, "queue 1 received packets");
            vnf.stop();
            assertThat(vnf.running()).isFalse();
            last = vnf.snapshot();
            assertThat(vnf.engine().failure()).isEmpty();
        }
        long lcoreRx = last.lcores().stream().mapToLong(LcoreSnapshot::rxPackets).sum();
        long lcoreTx = last.lcores().stream().mapToLong(LcoreSnapshot::txPackets).sum();
        long lcoreDrops = last.lcores().stream().mapToLong(LcoreSnapshot::totalDrops).sum();
        assertThat(lcoreRx).isEqualTo(lcoreTx + lcoreDrops);
        assertThat(last.ports()).extracting(PortSnapshot::driver).containsOnly("net_null");
        // The device counts what it handed to rx and took on tx: the same packets the workers counted.
        assertThat(last.ports().stream().mapToLong(p -> p.stats().rxPackets()).sum()).isEqualTo(lcoreRx);
        assertThat(last.ports().stream().mapToLong(p -> p.stats().txPackets()).sum()).isEqualTo(lcoreTx);
        for (LcoreSnapshot lcore : last.lcores()) {
            assertThat(lcore.busyRatio()).as("lcore %d busy ratio", lcore.lcore()).isBetween(0.5, 1.0);
            assertThat(lcore.drops().get(DropReason.TX_FULL)).isZero();
        }
        assertThat(last.vnf().type()).isEqualTo("l2fwd");
        assertThat(last.vnf().mode()).isEqualTo("macswap");
        assertThat(metricsText)
                .contains("# TYPE dataplane_lcore_rx_packets_total counter")
                .contains("dataplane_lcore_polls_total{vnf=\"l2fwd\",lcore=\"2\",state=\"busy\"}")
                .contains("dataplane_port_rx_packets_total{vnf=\"l2fwd\",port=\"net_null_fw1\"}")
                .contains("dataplane_info{vnf=\"l2fwd\",version=\"" + L2fwd.VERSION + "\",mode=\"macswap\"} 1");
    }
}
