package dev.mano.vnfm.e2e;

import dev.mano.dataplane.agent.AgentEndpoint;
import dev.mano.dataplane.agent.AgentServer;
import dev.mano.dataplane.agent.DataplaneView;
import dev.mano.dataplane.agent.VnfControl;
import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.eal.Eal;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.vnf.l2fwd.L2fwd;

import java.util.List;

/**
 * A runtime process as a bare-metal VNF runs: real DPDK (no hugepages, so it runs on any
 * test machine), l2fwd between two net_null ports on one worker lcore, and the agent on
 * loopback TCP. Forked by {@link RealRuntimeEndToEndTest}; exits when the VNFM sends
 * shutdown, or dies when the test kills it.
 *
 * <p>Arguments: the agent's TCP port.
 */
public final class L2fwdRuntimeProcess {

    private L2fwdRuntimeProcess() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = ProcessHandle.current().pid();
        String cpu = Runtime.getRuntime().availableProcessors() >= 2 ? "1" : "0";
        Eal eal = Eal.init(List.of("--lcores", "0@0,1@" + cpu, "-n", "1", "--no-huge", "-m", "256", "--no-pci",
                "--file-prefix", "mano-vnfm-e2e-" + pid, "--log-level", "lib.eal:warning"));
        RuntimeConfig config = RuntimeConfig.parse("e2e.yaml", """
                ports:
                  - {name: net_null_e2e0, devargs: net_null_e2e0}
                  - {name: net_null_e2e1, devargs: net_null_e2e1}
                l2fwd:
                  mode: macswap
                  pairs: [[net_null_e2e0, net_null_e2e1]]
                """, "l2fwd");
        RunningVnf vnf = RunningVnf.start(eal, config, L2fwd.fromConfig(config.vnf()));
        AgentServer agent = AgentServer.start(new AgentEndpoint.Tcp(port), new DataplaneView(vnf, VnfControl.STATELESS));
        System.out.println("agent listening on " + agent.tcpPort().orElseThrow());
        System.out.flush();
        agent.awaitStop();
        vnf.close();
        eal.cleanup();
        System.out.println("stopped");
    }
}
