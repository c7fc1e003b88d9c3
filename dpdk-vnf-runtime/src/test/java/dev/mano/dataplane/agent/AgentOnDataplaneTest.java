package dev.mano.dataplane.agent;

import dev.mano.agent.protocol.ConfigApply;
import dev.mano.agent.protocol.ConfigResult;
import dev.mano.agent.protocol.Drain;
import dev.mano.agent.protocol.Drained;
import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;
import dev.mano.agent.protocol.LcoreLoad;
import dev.mano.agent.protocol.PortCounters;
import dev.mano.agent.protocol.Shutdown;
import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.testing.TestEal;
import dev.mano.dataplane.vnf.l2fwd.L2fwd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent on a real data plane: l2fwd on DPDK net_null ports, whose rx side always has
 * packets, so the lcore is saturated and the counters climb every heartbeat.
 */
// a separate thread, so a test stuck in a blocking socket read still fails instead of hanging the build
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AgentOnDataplaneTest {

    @Test
    void reportsTheRealCountersAndStopsTheDataplaneOnShutdown() throws Exception {
        RuntimeConfig config = RuntimeConfig.parse("agent.yaml", """
                ports:
                  - {name: net_null_ag0, devargs: net_null_ag0}
                  - {name: net_null_ag1, devargs: net_null_ag1}
                l2fwd:
                  mode: macswap
                  pairs: [[net_null_ag0, net_null_ag1]]
                """, "l2fwd");
        try (RunningVnf vnf = RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf()));
             AgentServer agent = AgentServer.start(new AgentEndpoint.Tcp(0),
                     new DataplaneView(vnf, VnfControl.STATELESS), Duration.ofMillis(500));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), agent.tcpPort().orElseThrow())) {
            VnfmPeer vnfm = new VnfmPeer(socket.getInputStream(), socket.getOutputStream());
            Hello hello = vnfm.next(Hello.class);
            assertEquals("l2fwd", hello.vnfType());
            assertEquals(List.of("net_null_ag0", "net_null_ag1"), hello.ports());
            assertEquals(vnf.snapshot().lcores().size(), hello.lcores().size());

            Heartbeat first = vnfm.next(Heartbeat.class);
            Heartbeat second = vnfm.next(Heartbeat.class);
            long rx1 = first.ports().stream().mapToLong(PortCounters::rxPackets).sum();
            long rx2 = second.ports().stream().mapToLong(PortCounters::rxPackets).sum();
            assertTrue(rx2 > rx1 && rx1 > 0, "rx counters climb: " + rx1 + " -> " + rx2);
            // net_null never runs dry: the forwarding lcores are busy almost all the time
            for (LcoreLoad l : second.lcores()) {
                assertTrue(l.busyRatio() > 0.5, "lcore " + l.lcore() + " busy " + l.busyRatio());
            }
            assertTrue(second.counters().containsKey("drops.tx_full"), second.counters().toString());

            vnfm.send(new ConfigApply("c1", Map.of("mode", "rewrite")));
            ConfigResult rejected = vnfm.next(ConfigResult.class);
            assertFalse(rejected.ok());
            assertEquals("this VNF takes no run-time configuration (keys given: mode)", rejected.error());
            vnfm.send(new Drain());
            vnfm.next(Drained.class);

            vnfm.send(new Shutdown());
            assertTrue(agent.awaitStop(Duration.ofSeconds(10)));
            assertFalse(vnf.running());
        }
    }
}
