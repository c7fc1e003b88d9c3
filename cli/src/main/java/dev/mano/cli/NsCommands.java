package dev.mano.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code mano nsd ...} and {@code mano ns ...}: NS descriptors and network service lifecycle (SOL005). */
final class NsCommands {
    private static final String NSD = "/nsd/v1/ns_descriptors";
    private static final String NS = "/nslcm/v1/ns_instances";
    private static final String OPS = "/nslcm/v1/ns_lcm_op_occs";
    private final ApiClient api;

    NsCommands(ApiClient api) {
        this.api = api;
    }

    static final String NSD_HELP = """
            mano nsd list                        NS descriptors
            mano nsd onboard FILE.yaml           create an NS descriptor and upload its YAML
            mano nsd enable|disable|delete ID""";

    static final String NS_HELP = """
            mano ns list                         NS instances
            mano ns show ID                      one instance: members, hosts, cells, realised links (JSON)
            mano ns instantiate --nsd NSD_ID [--name N] [--strategy PACK|SPREAD] [--params FILE.json] [--wait]
                                                 create and instantiate; --wait draws the progress per VNF;
                                                 --params adds to the InstantiateNsRequest, e.g. each member's
                                                 day-1 config: {"additionalParamsForVnf": [{"vnfProfileId":
                                                 "firewall", "additionalParams": {"config": {...}}}]}
            mano ns terminate ID [--wait]        terminate every VNF of the chain
            mano ns heal ID [--wait]             heal every VNF of the chain
            mano ns scale ID --vnf MEMBER --aspect ASPECT [--steps N] [--in] [--wait]
                                                 scale one member VNF (its node name in the NSD, e.g. nat, or
                                                 its VNF instance id) out by N steps (default 1) of a scaling
                                                 aspect of its VNFD; --in scales in
            mano ns delete ID                    delete a terminated instance
            mano ns ops [ID]                     NS operation occurrences (of one instance)
            mano ns retry|rollback OP_ID [--wait]  decide about a FAILED_TEMP operation: run it again, or undo
                                                 what it did; --wait follows it to its end
            mano ns fail OP_ID                   give a FAILED_TEMP operation up (FAILED)""";

    int nsd(Args args) {
        String verb = args.word(1, "an nsd command (list, onboard, enable, disable, delete)");
        switch (verb) {
            case "list" -> {
                Table t = new Table("ID", "NSD ID", "NAME", "ONBOARDING", "OPERATIONAL", "USAGE");
                for (JsonNode d : api.get(NSD)) {
                    t.row(text(d, "id"), text(d, "nsdId"), text(d, "nsdName"), text(d, "nsdOnboardingState"),
                            text(d, "nsdOperationalState"), text(d, "nsdUsageState"));
                }
                t.print();
            }
            case "onboard" -> {
                Path file = Path.of(args.word(2, "NSD file"));
                if (!Files.isRegularFile(file)) throw new CliError("no such file: " + file);
                byte[] yaml = read(file);
                String id = text(api.postJson(NSD, Map.of()), "id");
                JsonNode d = api.put(NSD + "/" + id + "/nsd_content", "application/yaml", () -> new ByteArrayInputStream(yaml), yaml.length);
                System.out.println(id + "  " + text(d, "nsdOnboardingState") + "  " + text(d, "nsdId"));
            }
            case "enable", "disable" -> Output.json(api.patchJson(NSD + "/" + args.word(2, "descriptor id"),
                    Map.of("nsdOperationalState", verb.equals("enable") ? "ENABLED" : "DISABLED")));
            case "delete" -> {
                api.delete(NSD + "/" + args.word(2, "descriptor id"));
                System.out.println("deleted");
            }
            default -> throw new CliError("unknown nsd command '" + verb + "'\n" + NSD_HELP);
        }
        return 0;
    }

    /** The --params file's members, read before anything is created so a bad file changes nothing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> instantiateParams(String file) {
        Map<String, Object> request = new LinkedHashMap<>();
        if (file == null) {
            return request;
        }
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new CliError("cannot read --params " + file + ": " + e.getMessage());
        }
        Object parsed;
        try {
            parsed = ApiClient.JSON.readValue(text, Object.class);
        } catch (RuntimeException e) {
            throw new CliError("--params " + file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new CliError("--params " + file + " must hold a JSON object (members of the InstantiateNsRequest)");
        }
        request.putAll((Map<String, Object>) map);
        return request;
    }

    int ns(Args args) {
        String verb = args.word(1, "an ns command (list, show, instantiate, terminate, heal, scale, delete, ops, retry, rollback, fail)");
        switch (verb) {
            case "list" -> {
                Table t = new Table("ID", "NAME", "NSD", "STATE", "VNFS");
                for (JsonNode n : api.get(NS)) {
                    t.row(text(n, "id"), text(n, "nsInstanceName"), text(n, "nsdId"), text(n, "nsState"), n.path("vnfInstance").size());
                }
                t.print();
            }
            case "show" -> Output.json(api.get(NS + "/" + args.word(2, "NS instance id")));
            case "instantiate" -> {
                String nsd = args.options().get("nsd");
                if (nsd == null) throw new CliError("ns instantiate needs --nsd NSD_ID (see ./mano nsd list)");
                Map<String, Object> request = instantiateParams(args.options().get("params"));
                Map<String, Object> create = new LinkedHashMap<>();
                create.put("nsdId", nsd);
                if (args.options().containsKey("name")) create.put("nsName", args.options().get("name"));
                String id = text(api.postJson(NS, create), "id");
                System.err.println("NS instance " + id);
                request.put("additionalParamsForNs", Map.of("strategy", args.option("strategy", "PACK")));
                JsonNode op = api.postJson(NS + "/" + id + "/instantiate", request);
                return finish(op, args.flag("wait"));
            }
            case "terminate" -> {
                return finish(api.postJson(NS + "/" + args.word(2, "NS instance id") + "/terminate", Map.of()), args.flag("wait"));
            }
            case "heal" -> {
                return finish(api.postJson(NS + "/" + args.word(2, "NS instance id") + "/heal", Map.of()), args.flag("wait"));
            }
            case "scale" -> {
                return finish(new NsScale(api).start(args), args.flag("wait"));
            }
            case "delete" -> {
                api.delete(NS + "/" + args.word(2, "NS instance id"));
                System.out.println("deleted");
            }
            case "ops" -> {
                String of = args.words().size() > 2 ? "?nsInstanceId=" + args.words().get(2) : "";
                Table t = new Table("ID", "NS INSTANCE", "OPERATION", "STATE", "PROGRESS");
                for (JsonNode o : api.get(OPS + of)) {
                    t.row(text(o, "id"), text(o, "nsInstanceId"), text(o, "lcmOperationType"), text(o, "operationState"),
                            o.path("progress").path("percent").asInt() + "% " + o.path("progress").path("detail").asString(""));
                }
                t.print();
            }
            case "retry", "rollback" -> {
                JsonNode op = api.postJson(OPS + "/" + args.word(2, "operation id") + "/" + verb, Map.of());
                if (args.flag("wait")) return finish(op, true);
                Output.json(op);
            }
            case "fail" -> Output.json(api.postJson(OPS + "/" + args.word(2, "operation id") + "/fail", Map.of()));
            default -> throw new CliError("unknown ns command '" + verb + "'\n" + NS_HELP);
        }
        return 0;
    }

    /** Without --wait prints the operation id; with it, draws progress until the operation rests. */
    private int finish(JsonNode op, boolean wait) {
        String opId = text(op, "id");
        if (!wait) {
            System.out.println(opId + "  " + text(op, "operationState"));
            return 0;
        }
        ProgressBar bar = new ProgressBar();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (true) {
            JsonNode now = api.get(OPS + "/" + opId);
            String state = text(now, "operationState");
            bar.show(now.path("progress").path("percent").asInt() / 100.0, state + " " + vnfSummary(now));
            if (List.of("COMPLETED", "FAILED_TEMP", "FAILED", "ROLLED_BACK").contains(state)) {
                bar.done();
                System.out.println(opId + "  " + state);
                if (!state.equals("COMPLETED") && !state.equals("ROLLED_BACK")) {
                    JsonNode error = now.get("error");
                    throw new CliError("operation " + opId + " is " + state + (error == null ? "" : ": " + text(error, "detail"))
                            + "\n  decide with: ./mano ns retry|rollback|fail " + opId);
                }
                return 0;
            }
            if (Instant.now().isAfter(deadline)) throw new CliError("operation " + opId + " still " + state + " after 30 minutes");
            VnfPackageCommands.sleep(500);
        }
    }

    private static String vnfSummary(JsonNode op) {
        StringBuilder s = new StringBuilder();
        for (JsonNode v : op.path("progress").path("vnfs")) {
            s.append(s.isEmpty() ? "" : " | ").append(v.path("percent").asInt()).append("% ").append(v.path("operationState").asString(""));
        }
        return s.toString();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliError("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        return VnfPackageCommands.text(node, field);
    }
}
