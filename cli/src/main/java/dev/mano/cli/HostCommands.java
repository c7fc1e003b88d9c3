package dev.mano.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code mano host ...}: compute hosts the VIM places VNFs on. */
final class HostCommands {
    private static final String BASE = "/vim/v1/hosts";
    private final ApiClient api;

    HostCommands(ApiClient api) {
        this.api = api;
    }

    static final String HELP = """
            mano host list                       registered hosts and their state
            mano host show ID                    one host with its NUMA topology and allocations (JSON)
            mano host register --name N --uri URI [--isolated-cpus 2-7] [--physnet PF=NET ...]
                                                 register (or update) a host by its libvirt URI
            mano host refresh ID                 read the host's inventory again
            mano host delete ID                  remove a host that holds no allocations""";

    int run(Args args) {
        String verb = args.word(1, "a host command (list, show, register, refresh, delete)");
        switch (verb) {
            case "list" -> list(args.flag("json"));
            case "show" -> Output.json(api.get(BASE + "/" + args.word(2, "host id")));
            case "register" -> Output.json(api.postJson(BASE, registration(args)));
            case "refresh" -> Output.json(api.postJson(BASE + "/" + args.word(2, "host id") + "/refresh", Map.of()));
            case "delete" -> {
                api.delete(BASE + "/" + args.word(2, "host id"));
                System.out.println("deleted");
            }
            default -> throw new CliError("unknown host command '" + verb + "'\n" + HELP);
        }
        return 0;
    }

    private static Map<String, Object> registration(Args args) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", args.options().getOrDefault("name", null));
        body.put("libvirtUri", args.options().getOrDefault("uri", null));
        if (body.get("name") == null) throw new CliError("host register needs --name");
        if (body.get("libvirtUri") == null) throw new CliError("host register needs --uri (e.g. qemu:///system)");
        if (args.options().containsKey("isolated-cpus")) body.put("isolatedCpus", args.options().get("isolated-cpus"));
        Map<String, String> physnets = new LinkedHashMap<>();
        String physnet = args.options().get("physnet");
        if (physnet != null) {
            for (String pair : physnet.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) throw new CliError("--physnet expects PF=NETWORK (e.g. 0000:3b:00.0=physnet1), got '" + pair + "'");
                physnets.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        body.put("physicalNetworks", physnets);
        return body;
    }

    private void list(boolean json) {
        JsonNode hosts = api.get(BASE);
        if (json) {
            Output.json(hosts);
            return;
        }
        Table table = new Table("ID", "NAME", "URI", "STATE");
        for (JsonNode h : hosts) {
            table.row(VnfPackageCommands.text(h, "id"), VnfPackageCommands.text(h, "name"),
                    VnfPackageCommands.text(h, "libvirtUri"), VnfPackageCommands.text(h, "state"));
        }
        table.print();
    }
}
