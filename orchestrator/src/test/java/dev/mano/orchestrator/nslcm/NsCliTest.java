package dev.mano.orchestrator.nslcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mano.cli.CliError;
import dev.mano.cli.Mano;
import dev.mano.orchestrator.ApiHttp;
import dev.mano.orchestrator.LifecycleApi;
import dev.mano.orchestrator.hosts.SimulatedHosts;
import dev.mano.orchestrator.vnflcm.LibvirtHosts;
import dev.mano.vim.VimException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A chain's whole life through the command line a person types ({@code ./mano nsd ...}, {@code ./mano ns ...}),
 * run in process against this orchestrator on a simulated host: onboard, instantiate with day-1 parameters, scale
 * a member out and in, heal, terminate, delete. Every step is checked on the server's side (the REST views and
 * the domains libvirt holds), and every refusal is checked for the message the person reads and for having
 * changed nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NsCliTest {
    @LocalServerPort int port;
    @Autowired LibvirtHosts libvirt;
    @TempDir Path dir;
    LifecycleApi api;
    /** Where every VNFC seen so far ran: domain name -> its host's libvirt URI (other tests' hosts are candidates too). */
    private final Map<String, String> hostOfDomain = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream realOut;
    private PrintStream realErr;

    @BeforeEach
    void setUp() {
        api = new LifecycleApi(new ApiHttp(port));
        String hostUri = SimulatedHosts.write("cli");
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = api.http().send("POST", "/vim/v1/hosts", LifecycleApi.ADMIN, "application/json",
                LifecycleApi.JSON.writeValueAsString(SimulatedHosts.registration(name, hostUri, "net-" + name)));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        realOut = System.out;
        realErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    @Test
    void aChainOnboardsInstantiatesScalesHealsAndTerminatesThroughTheCli() throws IOException, VimException {
        String nsdId = onboardChain();
        Path params = Files.writeString(dir.resolve("params.json"), """
                {"additionalParamsForVnf": [{"vnfProfileId": "fw", "additionalParams": {"config": {"default": "deny"}}}]}""");

        assertThat(mano("ns", "instantiate", "--nsd", nsdId, "--name", "cli-chain", "--params", params.toString(), "--wait"))
                .isZero();
        String nsId = printed(err).lines().filter(l -> l.startsWith("NS instance ")).findFirst().orElseThrow().split(" ")[2];
        JsonNode ns = api.get("/nslcm/v1/ns_instances/" + nsId);
        assertThat(ns.get("nsState").asString()).isEqualTo("INSTANTIATED");
        String fw = member(ns, "fw");
        assertThat(domains(ns, "fw")).hasSize(1).allSatisfy(this::assertDefined);
        assertThat(lastOp(nsId, "INSTANTIATE").get("operationParams").toString()).contains("\"default\":\"deny\"");

        // out by two steps: two more VNFCs, each a domain on the host, all on the member's chain networks
        assertThat(mano("ns", "scale", nsId, "--vnf", "fw", "--aspect", "capacity", "--steps", "2", "--wait")).isZero();
        assertThat(printed(err)).contains("scaling fw (" + fw + ") out by 2 step(s) of capacity");
        ns = api.get("/nslcm/v1/ns_instances/" + nsId);
        List<String> scaledOut = domains(ns, "fw");
        assertThat(scaledOut).hasSize(3).doesNotHaveDuplicates().allSatisfy(this::assertDefined);
        assertThat(scaleLevel(fw)).isEqualTo(2);
        String ingress = ns.get("sapInfo").get(0).get("details").get("network").asString();
        for (String domain : scaledOut) {
            assertThat(xml(domain)).as(domain).contains("network='" + ingress + "'");
        }

        // beyond the aspect's maximum: the server refuses before opening an operation, the person reads why
        int opsBefore = api.get("/nslcm/v1/ns_lcm_op_occs?nsInstanceId=" + nsId).size();
        assertThatThrownBy(() -> mano("ns", "scale", nsId, "--vnf", "fw", "--aspect", "capacity", "--wait"))
                .isInstanceOf(CliError.class)
                .hasMessageStartingWith("POST /nslcm/v1/ns_instances/" + nsId + "/scale → 422")
                .hasMessageContaining("aspect capacity of VNF " + fw + " is at level 2; 1 step(s) out would reach 3, allowed 0..2")
                .hasMessageContaining("field: \"scaleVnfData[0].scaleByStepData.numberOfSteps\"");
        assertThat(api.get("/nslcm/v1/ns_lcm_op_occs?nsInstanceId=" + nsId).size()).isEqualTo(opsBefore);
        assertThat(domains(api.get("/nslcm/v1/ns_instances/" + nsId), "fw")).hasSize(3);
        assertThat(scaleLevel(fw)).isEqualTo(2);

        // in by one step: one VNFC and its domain go, the others stay
        assertThat(mano("ns", "scale", nsId, "--vnf", fw, "--aspect", "capacity", "--in", "--wait")).isZero();
        List<String> scaledIn = domains(api.get("/nslcm/v1/ns_instances/" + nsId), "fw");
        assertThat(scaledIn).hasSize(2).allSatisfy(this::assertDefined);
        assertThat(scaledOut.stream().filter(d -> !scaledIn.contains(d)).toList()).singleElement()
                .satisfies(gone -> assertThat(libvirt.lifecycle(hostOfDomain.get(gone)).xml(gone)).isEmpty());
        assertThat(scaleLevel(fw)).isEqualTo(1);

        // refusals the CLI makes before sending anything
        assertThatThrownBy(() -> mano("ns", "scale", nsId, "--vnf", "nat", "--aspect", "capacity"))
                .hasMessage("NS instance " + nsId + " has no member 'nat'; its members: fw (" + fw + "), router ("
                        + member(api.get("/nslcm/v1/ns_instances/" + nsId), "router") + ")");
        assertThatThrownBy(() -> mano("ns", "scale", nsId, "--vnf", "fw", "--aspect", "control"))
                .hasMessage("member fw (" + fw + ") has no scaling aspect 'control'; its aspects: capacity (level 1)");
        assertThatThrownBy(() -> mano("ns", "scale", nsId, "--vnf", "fw", "--aspect", "capacity", "--in", "--steps", "2"))
                .hasMessage("cannot scale fw in by 2 step(s) of capacity: it is at scale level 1");
        assertThat(scaleLevel(fw)).isEqualTo(1);

        assertThat(mano("ns", "heal", nsId, "--wait")).isZero();
        assertThat(lastOp(nsId, "HEAL").get("operationState").asString()).isEqualTo("COMPLETED");
        assertThat(domains(api.get("/nslcm/v1/ns_instances/" + nsId), "fw")).containsExactlyInAnyOrderElementsOf(scaledIn);

        assertThat(mano("ns", "terminate", nsId, "--wait")).isZero();
        for (String domain : scaledOut) {
            assertThat(libvirt.lifecycle(hostOfDomain.get(domain)).xml(domain)).as(domain).isEmpty();
        }
        assertThatThrownBy(() -> mano("ns", "scale", nsId, "--vnf", "fw", "--aspect", "capacity"))
                .hasMessage("NS instance " + nsId + " is NOT_INSTANTIATED; only an INSTANTIATED NS scales (./mano ns instantiate first)");
        assertThat(mano("ns", "delete", nsId)).isZero();
        assertThat(api.http().send("GET", "/nslcm/v1/ns_instances/" + nsId, LifecycleApi.ADMIN, null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aChainThatFitsNowhereTellsWhyAndRollsBackToNothing() throws IOException {
        String fw = api.onboardVnfd(scalableVnfd());
        String huge = api.onboardVnfd(scalableVnfd().replace("virtual_mem_size: 1 GiB", "virtual_mem_size: 4096 GiB"));
        String nsdId = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mano("nsd", "onboard", Files.writeString(dir.resolve("nsd.yaml"), NsLifecycleTest.nsd(nsdId, fw, huge)).toString()))
                .isZero();

        assertThatThrownBy(() -> mano("ns", "instantiate", "--nsd", nsdId, "--wait"))
                .isInstanceOf(CliError.class)
                .hasMessageMatching("(?s)operation [0-9a-f-]+ is FAILED_TEMP: .*router.*\n  decide with: \\./mano ns retry\\|rollback\\|fail [0-9a-f-]+");
        String nsId = printed(err).lines().filter(l -> l.startsWith("NS instance ")).findFirst().orElseThrow().split(" ")[2];
        String opId = lastOp(nsId, "INSTANTIATE").get("id").asString();

        assertThat(mano("ns", "rollback", opId, "--wait")).isZero();
        assertThat(printed(out)).contains(opId + "  ROLLED_BACK");
        JsonNode ns = api.get("/nslcm/v1/ns_instances/" + nsId);
        assertThat(ns.get("nsState").asString()).isEqualTo("NOT_INSTANTIATED");
        assertThat(ns.get("vnfInstance")).isEmpty();
        assertThat(mano("ns", "delete", nsId)).isZero();
    }

    @Test
    void theServersProblemDetailsReachThePerson() {
        assertThatThrownBy(() -> mano("ns", "instantiate", "--nsd", "no-such-nsd-" + UUID.randomUUID()))
                .isInstanceOf(CliError.class)
                .hasMessageStartingWith("POST /nslcm/v1/ns_instances → 4")
                .hasMessageContaining("no-such-nsd-");
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> mano("ns", "scale", UUID.randomUUID().toString(), "--aspect", "capacity"))
                .hasMessageStartingWith("ns scale needs --vnf MEMBER");
        assertThatThrownBy(() -> mano("ns", "scale", UUID.randomUUID().toString(), "--vnf", "fw"))
                .hasMessageStartingWith("ns scale needs --aspect ASPECT");
        assertThatThrownBy(() -> mano("ns", "scale", UUID.randomUUID().toString(), "--vnf", "fw", "--aspect", "capacity",
                "--steps", "0")).hasMessage("--steps must be a whole number of at least 1, not '0'");
        assertThatThrownBy(() -> mano("ns", "scale", "--vnf", "fw", "--aspect", "capacity"))
                .hasMessageStartingWith("missing NS instance id");
    }

    private int mano(String... words) {
        List<String> argv = new ArrayList<>(List.of(words));
        argv.addAll(List.of("--url", "http://127.0.0.1:" + port, "--user", "admin", "--password", "test-admin-password"));
        return Mano.run(argv.toArray(String[]::new));
    }

    /** Two scalable members, fw -> router, onboarded with {@code mano nsd onboard}; returns the NSD id. */
    private String onboardChain() throws IOException {
        String fw = api.onboardVnfd(scalableVnfd());
        String router = api.onboardVnfd(scalableVnfd());
        String nsdId = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Path nsd = Files.writeString(dir.resolve("nsd.yaml"), NsLifecycleTest.nsd(nsdId, fw, router));
        assertThat(mano("nsd", "onboard", nsd.toString())).isZero();
        return nsdId;
    }

    /** One small VDU without declared ports (the NS wires two), scalable by one VNFC per step up to three. */
    private static String scalableVnfd() {
        return ChainTestVnfd.yaml("unused", 1, 1) + ChainTestVnfd.CAPACITY_ASPECT;
    }

    private static String member(JsonNode ns, String profile) {
        for (JsonNode m : ns.get("vnfInstance")) {
            if (m.get("vnfProfileId").asString().equals(profile)) return m.get("vnfInstanceId").asString();
        }
        throw new AssertionError("no member " + profile + " in " + ns);
    }

    /** The domains of a member's VNFCs; remembers each one's host. */
    private List<String> domains(JsonNode ns, String profile) {
        Map<String, String> uris = new HashMap<>();
        api.get("/vim/v1/hosts").forEach(h -> uris.put(h.get("name").asString(), h.get("libvirtUri").asString()));
        List<String> names = new ArrayList<>();
        for (JsonNode m : ns.get("vnfInstance")) {
            if (!m.get("vnfProfileId").asString().equals(profile)) continue;
            for (JsonNode c : m.get("vnfcs")) {
                names.add(c.get("domain").asString());
                hostOfDomain.put(c.get("domain").asString(), uris.get(c.get("host").asString()));
            }
        }
        return names;
    }

    private int scaleLevel(String vnfInstanceId) {
        JsonNode status = api.get("/vnflcm/v1/vnf_instances/" + vnfInstanceId).get("instantiatedVnfInfo").get("scaleStatus");
        for (JsonNode s : status) {
            if (s.get("aspectId").asString().equals("capacity")) return s.get("scaleLevel").asInt();
        }
        throw new AssertionError("no capacity aspect in " + status);
    }

    private JsonNode lastOp(String nsId, String operation) {
        JsonNode ops = api.get("/nslcm/v1/ns_lcm_op_occs?nsInstanceId=" + nsId);
        JsonNode last = null;
        for (JsonNode op : ops.isArray() ? ops : ops.get("items")) {
            if (op.get("nsInstanceId").asString().equals(nsId) && op.get("lcmOperationType").asString().equals(operation)) last = op;
        }
        assertThat(last).as("a " + operation + " operation of " + nsId).isNotNull();
        return last;
    }

    private String xml(String domain) throws VimException {
        return libvirt.lifecycle(hostOfDomain.get(domain)).xml(domain).orElseThrow().replace('"', '\'');
    }

    private void assertDefined(String domain) {
        try {
            String hostUri = hostOfDomain.get(domain);
            assertThat(libvirt.lifecycle(hostUri).xml(domain)).as("domain " + domain + " on " + hostUri).isPresent();
        } catch (VimException e) {
            throw new AssertionError(e);
        }
    }

    private static String printed(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
