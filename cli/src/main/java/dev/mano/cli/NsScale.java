package dev.mano.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code mano ns scale}: one member VNF of a chain, out or in by steps of a scaling aspect, as a
 * SOL005 ScaleNsRequest (scaleType SCALE_VNF). The member and the aspect are checked against the
 * NS instance and the VNF instance first, so a typo is answered with what exists instead of an
 * operation that fails later; the server still decides everything else.
 */
final class NsScale {
    private static final String NS = "/nslcm/v1/ns_instances";
    private static final String VNF = "/vnflcm/v1/vnf_instances";
    private final ApiClient api;

    NsScale(ApiClient api) {
        this.api = api;
    }

    /** POSTs the scale request; returns the NS op occurrence the server opened. */
    JsonNode start(Args args) {
        String nsId = args.word(2, "NS instance id (mano ns scale ID --vnf MEMBER --aspect ASPECT)");
        String vnf = args.options().get("vnf");
        if (vnf == null) throw new CliError("ns scale needs --vnf MEMBER: the member's node name in the NSD or its VNF instance id"
                + " (see ./mano ns show " + nsId + ")");
        String aspect = args.options().get("aspect");
        if (aspect == null) throw new CliError("ns scale needs --aspect ASPECT: a scaling aspect of the member's VNFD");
        int steps = steps(args.option("steps", "1"));
        boolean in = args.flag("in");

        JsonNode ns = api.get(NS + "/" + nsId);
        if (!"INSTANTIATED".equals(ns.path("nsState").asString(""))) {
            throw new CliError("NS instance " + nsId + " is " + ns.path("nsState").asString("in an unknown state")
                    + "; only an INSTANTIATED NS scales (./mano ns instantiate first)");
        }
        JsonNode member = member(ns, nsId, vnf);
        String vnfId = member.path("vnfInstanceId").asString();
        String memberName = member.path("vnfProfileId").asString(vnfId);
        checkAspect(api.get(VNF + "/" + vnfId), memberName, vnfId, aspect, steps, in);

        Map<String, Object> request = Map.of("scaleType", "SCALE_VNF", "scaleVnfData", List.of(Map.of(
                "vnfInstanceId", vnfId,
                "scaleVnfType", in ? "SCALE_IN" : "SCALE_OUT",
                "scaleByStepData", Map.of("aspectId", aspect, "numberOfSteps", steps))));
        System.err.println("scaling " + memberName + " (" + vnfId + ") " + (in ? "in" : "out") + " by " + steps
                + " step(s) of " + aspect);
        return api.postJson(NS + "/" + nsId + "/scale", request);
    }

    private static int steps(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) return n;
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new CliError("--steps must be a whole number of at least 1, not '" + text + "'");
    }

    /** The member whose node name or VNF instance id is {@code vnf}. */
    private static JsonNode member(JsonNode ns, String nsId, String vnf) {
        List<String> known = new ArrayList<>();
        for (JsonNode m : ns.path("vnfInstance")) {
            if (vnf.equals(m.path("vnfProfileId").asString(null)) || vnf.equals(m.path("vnfInstanceId").asString(null))) {
                return m;
            }
            known.add(m.path("vnfProfileId").asString("?") + " (" + m.path("vnfInstanceId").asString("?") + ")");
        }
        throw new CliError("NS instance " + nsId + " has no member '" + vnf + "'; its members: "
                + (known.isEmpty() ? "none" : String.join(", ", known)));
    }

    /** The aspect must be one the VNF reports a scale level for; scaling in must not go below level 0. */
    private static void checkAspect(JsonNode vnf, String memberName, String vnfId, String aspect, int steps, boolean in) {
        JsonNode status = vnf.path("instantiatedVnfInfo").path("scaleStatus");
        if (!status.isArray()) return; // nothing to check against: the server decides
        List<String> known = new ArrayList<>();
        for (JsonNode s : status) {
            String id = s.path("aspectId").asString("");
            int level = s.path("scaleLevel").asInt();
            if (id.equals(aspect)) {
                if (in && level < steps) {
                    throw new CliError("cannot scale " + memberName + " in by " + steps + " step(s) of " + aspect
                            + ": it is at scale level " + level);
                }
                return;
            }
            known.add(id + " (level " + level + ")");
        }
        throw new CliError("member " + memberName + " (" + vnfId + ") has no scaling aspect '" + aspect + "'; "
                + (known.isEmpty() ? "its VNFD defines none" : "its aspects: " + String.join(", ", known)));
    }
}
