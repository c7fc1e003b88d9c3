package dev.mano.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code mano ns scale} over real HTTP on loopback: the command line is parsed and run as
 * {@code ./mano} runs it, and an HTTP server answers with the orchestrator's documents (NsInstance,
 * VnfInstance, NsLcmOpOcc, problem+json) and records what the CLI sent. The orchestrator's own side of
 * scaling is tested in NsLifecycleTest; this checks the CLI's half: the SOL005 request it builds, the
 * wait over the op occurrence, and the messages a person gets.
 */
class NsScaleTest {
    private static final String NS_ID = "6a1c1f5e-0000-4000-8000-000000000001";
    private static final String FW = "6a1c1f5e-0000-4000-8000-0000000000f1";
    private static final String NAT = "6a1c1f5e-0000-4000-8000-0000000000a2";
    private static final String OP = "6a1c1f5e-0000-4000-8000-0000000000c3";

    private HttpServer server;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile String scaleBody;
    private volatile String nsState = "INSTANTIATED";
    private volatile String scaleProblem;
    /** Op occurrence states the GETs return, one after the other; the last one repeats. */
    private volatile List<String> opStates = List.of("PROCESSING", "PROCESSING", "COMPLETED");
    private final AtomicInteger opReads = new AtomicInteger();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream realOut;
    private PrintStream realErr;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        realOut = System.out;
        realErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(realOut);
        System.setErr(realErr);
        server.stop(0);
    }

    private int mano(String... words) {
        List<String> argv = new ArrayList<>(List.of(words));
        argv.addAll(List.of("--url", "http://127.0.0.1:" + server.getAddress().getPort(), "--user", "ops", "--password", "pw"));
        return Mano.run(Args.parse(argv.toArray(String[]::new)));
    }

    @Test
    void scalesAMemberNamedByItsNodeOutAndWaitsForTheOperation() {
        int status = mano("ns", "scale", NS_ID, "--vnf", "nat", "--aspect", "data_plane", "--steps", "2", "--wait");

        assertThat(status).isZero();
        JsonNode sent = ApiClient.JSON.readTree(scaleBody);
        assertThat(sent.get("scaleType").asString()).isEqualTo("SCALE_VNF");
        JsonNode data = sent.get("scaleVnfData");
        assertThat(data.size()).isEqualTo(1);
        assertThat(data.get(0).get("vnfInstanceId").asString()).isEqualTo(NAT);
        assertThat(data.get(0).get("scaleVnfType").asString()).isEqualTo("SCALE_OUT");
        assertThat(data.get(0).get("scaleByStepData").get("aspectId").asString()).isEqualTo("data_plane");
        assertThat(data.get(0).get("scaleByStepData").get("numberOfSteps").asInt()).isEqualTo(2);
        assertThat(opReads.get()).as("the op occurrence was followed until it rested").isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(OP + "  COMPLETED");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("scaling nat (" + NAT + ") out by 2 step(s) of data_plane")
                .contains("PROCESSING 40% PROCESSING");
        assertThat(requests).containsExactly("GET /nslcm/v1/ns_instances/" + NS_ID, "GET /vnflcm/v1/vnf_instances/" + NAT,
                "POST /nslcm/v1/ns_instances/" + NS_ID + "/scale", "GET /nslcm/v1/ns_lcm_op_occs/" + OP,
                "GET /nslcm/v1/ns_lcm_op_occs/" + OP, "GET /nslcm/v1/ns_lcm_op_occs/" + OP);
    }

    @Test
    void scalesInAMemberNamedByItsInstanceIdWithoutWaiting() {
        int status = mano("ns", "scale", NS_ID, "--vnf", NAT, "--aspect", "data_plane", "--in");

        assertThat(status).isZero();
        JsonNode data = ApiClient.JSON.readTree(scaleBody).get("scaleVnfData").get(0);
        assertThat(data.get("scaleVnfType").asString()).isEqualTo("SCALE_IN");
        assertThat(data.get("scaleByStepData").get("numberOfSteps").asInt()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(OP + "  STARTING");
        assertThat(opReads.get()).isZero();
    }

    @Test
    void anUnknownMemberIsAnsweredWithTheMembersAndNothingIsSent() {
        assertThatThrownBy(() -> mano("ns", "scale", NS_ID, "--vnf", "router", "--aspect", "data_plane"))
                .isInstanceOf(CliError.class)
                .hasMessage("NS instance " + NS_ID + " has no member 'router'; its members: fw (" + FW + "), nat (" + NAT + ")");
        assertThat(scaleBody).isNull();
    }

    @Test
    void anUnknownAspectIsAnsweredWithTheMembersAspectsAndNothingIsSent() {
        assertThatThrownBy(() -> mano("ns", "scale", NS_ID, "--vnf", "nat", "--aspect", "control"))
                .isInstanceOf(CliError.class)
                .hasMessage("member nat (" + NAT + ") has no scaling aspect 'control'; its aspects: data_plane (level 1)");
        assertThat(scaleBody).isNull();
    }

    @Test
    void scalingInBelowLevelZeroIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> mano("ns", "scale", NS_ID, "--vnf", "nat", "--aspect", "data_plane", "--in", "--steps", "2"))
                .isInstanceOf(CliError.class)
                .hasMessage("cannot scale nat in by 2 step(s) of data_plane: it is at scale level 1");
        assertThat(scaleBody).isNull();
    }

    @Test
    void badOrMissingOptionsNameWhatIsExpected() {
        assertThatThrownBy(() -> mano("ns", "scale", NS_ID, "--aspect", "data_plane"))
                .hasMessageStartingWith("ns scale needs --vnf MEMBER");
        assertThatThrownBy(() -> mano("ns", "scale", NS_ID, "--vnf", "nat"))
                .hasMessageStartingWith("ns scale needs --aspect ASPECT");
        assertThatThrownBy(() -> mano("ns", "scale", NS_ID, "--vnf", "nat", "--aspect", "data_plane", "--steps", "0"))
                .hasMessage("--steps must be a whole number of at least 1, not '0'");
        assertThatThrownBy(() -> mano("ns", "scale", "--vnf", "nat", "--aspect", "data_plane"))
                .hasMessageStartingWith("missing NS instance id");
        assertThat(requests).isEmpty();
    }

    @Test
    void aNotInstantiatedNsIsRefusedWithItsState() {
        nsState = "NOT_INSTANTIATED";
        assertThatThrownBy(() -> mano("ns", "scale", NS_ID, "--vnf", "nat", "--aspect", "data_plane"))
                .hasMessage("NS instance " + NS_ID + " is NOT_INSTANTIATED; only an INSTANTIATED NS scales (./mano ns instantiate first)");
    }

    @Test
    void theServersProblemDetailsReachThePerson() {
        scaleProblem = """
                {"type":"urn:mano:problem:operation-in-progress","title":"Conflict","status":409,
                 "detail":"NS instance %s has an unfinished operation; retry, roll back or fail it first"}""".formatted(NS_ID);
        assertThatThrownBy(() -> mano("ns", "scale", NS_ID, "--vnf", "nat", "--aspect", "data_plane"))
                .hasMessage("POST /nslcm/v1/ns_instances/" + NS_ID + "/scale → 409 Conflict\n  NS instance " + NS_ID
                        + " has an unfinished operation; retry, roll back or fail it first");
    }

    @Test
    void aFailedOperationEndsTheWaitWithItsErrorAndTheWayOut() {
        opStates = List.of("PROCESSING", "FAILED_TEMP");
        assertThatThrownBy(() -> mano("ns", "scale", NS_ID, "--vnf", "nat", "--aspect", "data_plane", "--wait"))
                .hasMessage("operation " + OP + " is FAILED_TEMP: nothing fits nat-data-1\n"
                        + "  decide with: ./mano ns retry|rollback|fail " + OP);
    }

    // --- the orchestrator's side of the conversation --------------------------------------------

    private void answer(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        requests.add(method + " " + path);
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"Basic b3BzOnB3".equals(x.getRequestHeaders().getFirst("Authorization"))) {
            reply(x, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
        } else if (method.equals("GET") && path.equals("/nslcm/v1/ns_instances/" + NS_ID)) {
            reply(x, 200, """
                    {"id":"%s","nsInstanceName":"chain","nsdId":"fw-nat","nsState":"%s","vnfInstance":[
                      {"position":0,"vnfProfileId":"fw","vnfInstanceId":"%s","instantiationState":"INSTANTIATED","vnfcs":[]},
                      {"position":1,"vnfProfileId":"nat","vnfInstanceId":"%s","instantiationState":"INSTANTIATED","vnfcs":[]}]}"""
                    .formatted(NS_ID, nsState, FW, NAT));
        } else if (method.equals("GET") && path.equals("/vnflcm/v1/vnf_instances/" + NAT)) {
            reply(x, 200, """
                    {"id":"%s","instantiationState":"INSTANTIATED","instantiatedVnfInfo":{"flavourId":"default",
                      "vnfState":"STARTED","scaleStatus":[{"aspectId":"data_plane","scaleLevel":1}],"vnfcResourceInfo":[]}}"""
                    .formatted(NAT));
        } else if (method.equals("POST") && path.equals("/nslcm/v1/ns_instances/" + NS_ID + "/scale")) {
            if (!"application/json".equals(x.getRequestHeaders().getFirst("Content-Type"))) {
                reply(x, 415, "{\"title\":\"Unsupported Media Type\",\"status\":415}");
            } else if (scaleProblem != null) {
                reply(x, 409, scaleProblem);
            } else {
                scaleBody = body;
                reply(x, 202, op("STARTING", 0));
            }
        } else if (method.equals("GET") && path.equals("/nslcm/v1/ns_lcm_op_occs/" + OP)) {
            int n = opReads.getAndIncrement();
            String state = opStates.get(Math.min(n, opStates.size() - 1));
            reply(x, 200, op(state, state.equals("COMPLETED") ? 100 : 40));
        } else {
            reply(x, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no " + method + " " + path + " here\"}");
        }
    }

    private static String op(String state, int percent) {
        String error = state.equals("FAILED_TEMP")
                ? ",\"error\":{\"type\":\"urn:mano:problem:vnf-operation-failed\",\"status\":502,\"detail\":\"nothing fits nat-data-1\"}"
                : "";
        return """
                {"id":"%s","operationState":"%s","nsInstanceId":"%s","lcmOperationType":"SCALE",
                 "progress":{"detail":"scaling","percent":%d,"vnfs":[{"vnfInstanceId":"%s","operationState":"%s","percent":%d}]}%s}"""
                .formatted(OP, state, NS_ID, percent, NAT, state, percent, error);
    }

    private static void reply(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
