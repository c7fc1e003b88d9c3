package dev.mano.dataplane.cli;

import dev.mano.dataplane.agent.AgentEndpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dpdk-vnf-runtime --vnf l2fwd --config vnf.yaml [--duration S] [--stats-interval S] -- <EAL args>}.
 *
 * @param durationSeconds 0 = run until SIGINT/SIGTERM
 * @param statsSeconds    0 = no periodic stats lines
 */
record CommandLine(String vnf, Path config, double durationSeconds, double statsSeconds, AgentEndpoint agent, List<String> ealArgs) {

    static final String USAGE = """
            usage: dpdk-vnf-runtime --vnf <type> --config <vnf.yaml> [--duration <seconds>] [--stats-interval <seconds>] [--agent tcp:PORT|serial:PATH] -- <EAL arguments>
              --vnf             the network function: l2fwd, router, firewall, nat44, lb, upf or chain
              --config          YAML: ports, mempool, burst, metrics and the VNF's own section
              --duration        stop after this many seconds (default: run until SIGINT/SIGTERM)
              --stats-interval  print rates every this many seconds (default 1; 0 = off)
              --agent           serve the VNFM agent protocol on loopback TCP or a virtio-serial device
                                (serial:/dev/virtio-ports/org.mano.agent.0 inside a VNF VM)
              EAL arguments     as for any DPDK application, e.g. -l 0-1 --no-huge -m 512 --vdev net_null0
            """;

    static CommandLine parse(String[] args) {
        String vnf = null;
        Path config = null;
        double duration = 0;
        double stats = 1;
        AgentEndpoint agent = null;
        List<String> eal = new ArrayList<>();
        int i = 0;
        for (; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                i++;
                break;
            }
            switch (arg) {
                case "--vnf" -> vnf = value(args, ++i, arg);
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--duration" -> duration = seconds(value(args, ++i, arg), arg);
                case "--stats-interval" -> stats = seconds(value(args, ++i, arg), arg);
                case "--agent" -> agent = endpoint(value(args, ++i, arg));
                case "-h", "--help" -> throw new UsageException("");
                default -> throw new UsageException("unknown option " + arg + " (EAL arguments go after --)");
            }
        }
        for (; i < args.length; i++) {
            eal.add(args[i]);
        }
        if (vnf == null) {
            throw new UsageException("--vnf is required");
        }
        if (config == null) {
            throw new UsageException("--config is required");
        }
        return new CommandLine(vnf, config, duration, stats, agent, eal);
    }

    private static AgentEndpoint endpoint(String text) {
        try {
            return AgentEndpoint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--agent: " + e.getMessage());
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].equals("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static double seconds(String text, String option) {
        try {
            double value = Double.parseDouble(text);
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects a number of seconds >= 0, got '" + text + "'");
        }
    }
}
