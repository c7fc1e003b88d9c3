package dev.mano.dataplane.runtime;

import dev.mano.dataplane.bindings.Dpdk;
import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.testing.TestEal;
import dev.mano.dataplane.vnf.l2fwd.L2fwd;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * More ports than DPDK was built for (RTE_MAX_ETHPORTS, 32 in Debian's 22.11: 16 chain-switch segments)
 * is refused before any is created, with the limit in the message.
 */
class PortLimitTest {

    @Test
    void moreThanRteMaxEthportsIsAConfigErrorNamingTheLimit() {
        int max = Dpdk.RTE_MAX_ETHPORTS();
        List<String> ports = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < max + 2; i += 2) {
            ports.add("  - {name: net_null_lim" + i + ", devargs: net_null_lim" + i + ", queues: 1}");
            ports.add("  - {name: net_null_lim" + (i + 1) + ", devargs: net_null_lim" + (i + 1) + ", queues: 1}");
            pairs.add("[net_null_lim" + i + ", net_null_lim" + (i + 1) + "]");
        }
        RuntimeConfig config = RuntimeConfig.parse("many.yaml", "ports:\n" + String.join("\n", ports)
                + "\nl2fwd:\n  mode: patch\n  pairs: [" + String.join(", ", pairs) + "]\n", "l2fwd");
        List<String> before = Port.names();
        assertThatThrownBy(() -> RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("many.yaml: " + (max + 2) + " ports, but this DPDK build has at most " + max + " per process");
        assertThat(Port.names()).as("no port was created").isEqualTo(before);
    }
}
