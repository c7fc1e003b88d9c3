package dev.mano.image.guest;

import dev.mano.dataplane.agent.AgentEndpoint;
import dev.mano.dataplane.agent.AgentServer;
import dev.mano.dataplane.agent.DataplaneView;
import dev.mano.dataplane.agent.VnfControl;
import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.eal.DpdkException;
import dev.mano.dataplane.eal.Eal;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.vnf.Vnf;
import dev.mano.dataplane.vnf.VnfCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the image's init runs: the VNF on DPDK with its agent on the virtio-serial port, until the
 * VNFM says shutdown (exit 0, init powers the VM off) or something fails (non-zero, init restarts it).
 * The runtime's own CLI runs the data plane without an agent; inside a VNF VM the agent is the
 * only way the VNFM reaches the VNF, so the guest has its own entry point.
 *
 * <p>{@code GuestRuntime <vnf-type> <vnf.yaml> <agent endpoint> [<day-1 config file>] -- <EAL args>}; exit
 * codes as the CLI: 2 configuration, 3 DPDK refused. The day-1 file holds the VNF's section as JSON in base64 (see
 * {@link DayOneConfig}).
 */
public final class GuestRuntime {
    private GuestRuntime() {
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int dashes = Arrays.asList(args).indexOf("--");
        if (dashes != 3 && dashes != 4) {
            System.err.println("usage: GuestRuntime <vnf-type> <vnf.yaml> <tcp:PORT|serial:PATH> [<day-1 config>] -- <EAL arguments>");
            System.exit(2);
        }
        String type = args[0];
        List<String> eal = List.of(args).subList(dashes + 1, args.length);
        Vnf vnf;
        RuntimeConfig config;
        AgentEndpoint endpoint;
        try {
            config = dashes == 3 ? RuntimeConfig.load(Path.of(args[1]), type)
                    : DayOneConfig.merge(read(args[1]), DayOneConfig.fromFirmware(read(args[3])), type);
            vnf = VnfCatalog.create(type, config.vnf());
            endpoint = AgentEndpoint.parse(args[2]);
        } catch (ConfigException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("guest-runtime: " + e.getMessage());
            System.exit(2);
            return;
        }
        RunningVnf running;
        try {
            running = RunningVnf.start(Eal.init(eal), config, vnf);
        } catch (ConfigException e) {
            System.err.println("guest-runtime: " + e.getMessage());
            System.exit(2);
            return;
        } catch (DpdkException e) {
            System.err.println("guest-runtime: " + e.getMessage());
            System.exit(3);
            return;
        }
        System.out.println("guest-runtime: " + type + " forwarding on " + running.ports());
        AgentServer agent;
        try {
            // Day-1 config arrives at boot; changing it at run time through the agent is not offered yet.
            agent = AgentServer.start(endpoint, new DataplaneView(running, VnfControl.STATELESS));
        } catch (java.io.IOException e) {
            System.err.println("guest-runtime: agent on " + args[2] + ": " + e.getMessage());
            running.close();
            System.exit(3);
            return;
        }
        System.out.println("guest-runtime: agent on " + args[2]);
        agent.awaitStop();
        running.close();
        Eal.current().cleanup();
        System.out.println("guest-runtime: stopped by the VNFM");
        System.exit(0);
    }
}
