package dev.mano.cli;

import java.io.Console;
import java.net.URI;

/** Entry point of {@code ./mano <command>}: the REST API for people who script. */
public final class Mano {
    static final String HELP = """
            usage: ./mano <command> [options]

              up                                 install what is missing, build, and run the platform
              test                               run every test of every module
              demo                               the demo chain: firewall -> router VMs, traffic, heal
              vnfpkg ...                         VNF packages (./mano vnfpkg --help)
              host ...                           compute hosts (./mano host --help)
              nsd ...                            NS descriptors (./mano nsd --help)
              ns ...                             network services: chains of VNFs (./mano ns --help)

            options for API commands (or the environment variables in brackets):
              --url URL        orchestrator base URL [MANO_URL]       default http://localhost:8080
              --user NAME      user name [MANO_USER]                  default admin
              --password PW    password [MANO_PASSWORD]               asked for on a terminal
              --json           print JSON instead of a table
            """;

    public static void main(String[] argv) {
        int status;
        try {
            status = run(Args.parse(argv));
        } catch (CliError e) {
            System.err.println("mano: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /**
     * Runs one command line as {@code ./mano} does, without exiting: the exit status, or a {@link CliError}
     * carrying the message {@code ./mano} would print. For tests that drive the real orchestrator.
     */
    public static int run(String... argv) {
        return run(Args.parse(argv));
    }

    static int run(Args args) {
        if (args.words().isEmpty()) {
            System.out.print(HELP);
            return args.flag("help") ? 0 : 2;
        }
        String group = args.words().getFirst();
        if (args.flag("help")) {
            System.out.println(switch (group) {
                case "vnfpkg" -> VnfPackageCommands.HELP;
                case "host" -> HostCommands.HELP;
                case "nsd" -> NsCommands.NSD_HELP;
                case "ns" -> NsCommands.NS_HELP;
                default -> HELP;
            });
            return 0;
        }
        return switch (group) {
            case "vnfpkg" -> new VnfPackageCommands(client(args)).run(args);
            case "host" -> new HostCommands(client(args)).run(args);
            case "nsd" -> new NsCommands(client(args)).nsd(args);
            case "ns" -> new NsCommands(client(args)).ns(args);
            default -> throw new CliError("unknown command '" + group + "' (./mano --help lists them)");
        };
    }

    private static ApiClient client(Args args) {
        String url = args.option("url", env("MANO_URL", "http://localhost:8080"));
        String user = args.option("user", env("MANO_USER", "admin"));
        String password = args.option("password", System.getenv("MANO_PASSWORD"));
        if (password == null) {
            Console console = System.console();
            if (console == null) throw new CliError("no password: set MANO_PASSWORD or pass --password");
            password = new String(console.readPassword("password for %s: ", user));
        }
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new CliError("--url is not a URL: " + url);
        }
        return new ApiClient(base, user, password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
