package dev.mano.dataplane.eal;

import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.engine.LcoreSnapshot;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.testing.Await;
import dev.mano.dataplane.testing.TestEal;
import dev.mano.dataplane.vnf.l2fwd.L2fwd;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** EAL's own telemetry socket keeps working inside the JVM: DPDK's dpdk-telemetry.py can query our process. */
class TelemetryTest {

    @Test
    void dpdkTelemetryScriptReadsOurPortStats() throws Exception {
        Path script = Path.of("/usr/bin/dpdk-telemetry.py");
        assumeTrue(Files.isExecutable(script), "dpdk-telemetry.py is not installed (apt-get install dpdk)");
        RuntimeConfig config = RuntimeConfig.parse("telemetry.yaml", """
                ports:
                  - {name: net_null_tm0, devargs: net_null_tm0, queues: 1}
                  - {name: net_null_tm1, devargs: net_null_tm1, queues: 1}
                l2fwd:
                  pairs: [[net_null_tm0, net_null_tm1]]
                """, "l2fwd");
        try (RunningVnf vnf = RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf()))) {
            Await.until("traffic", Duration.ofSeconds(20),
                    () -> vnf.snapshot().lcores().stream().mapToLong(LcoreSnapshot::rxPackets).sum() > 10_000);
            int port = vnf.ports().get(0).id();
            Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), "-f", TestEal.FILE_PREFIX)
                    .redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(("/ethdev/list\n/ethdev/stats," + port + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(output).contains("\"/ethdev/list\"").containsPattern("\"/ethdev/stats\": \\{\"ipackets\": [1-9]\\d*");
        }
    }
}
