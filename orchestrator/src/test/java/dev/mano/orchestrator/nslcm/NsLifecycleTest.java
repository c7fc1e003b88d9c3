package dev.mano.orchestrator.nslcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.mano.orchestrator.ApiHttp;
import dev.mano.orchestrator.LifecycleApi;
import dev.mano.orchestrator.hosts.SimulatedHosts;
import dev.mano.orchestrator.nsd.Nsd;
import dev.mano.orchestrator.catalog.VnfPackageCatalog;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.placement.NodePlacement;
import dev.mano.orchestrator.placement.VfAssignment;
import dev.mano.orchestrator.placement.VnfcPlacement;
import dev.mano.orchestrator.vnflcm.LibvirtHosts;
import dev.mano.vim.VimException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service chain through the SOL005 API on a simulated host and the real database: NSD onboarding
 * against the VNF catalog, instantiation placing the whole chain at once, per-VNF progress,
 * realised links, notifications to a subscriber, terminate, and a failed chain rolled back to nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NsLifecycleTest {
    static final String ADMIN = ApiHttp.basic("admin", "test-admin-password");
    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired LibvirtHosts libvirt;
    @Autowired LinkRealisation linkRealisation;
    @Autowired ChainNetworks chainNetworks;
    @Autowired VnfPackageCatalog vnfPackages;
    ApiHttp http;
    LifecycleApi api;
    String physnet;
    HttpServer subscriber;
    final List<JsonNode> notifications = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        http = new ApiHttp(port);
        api = new LifecycleApi(http);
        physnet = "net-" + UUID.randomUUID().toString().substring(0, 6);
        String uri = SimulatedHosts.write("ns");
        HttpResponse<String> r = http.send("POST", "/vim/v1/hosts", ADMIN, "application/json",
                JSON.writeValueAsString(SimulatedHosts.registration("ns-" + UUID.randomUUID().toString().substring(0, 8), uri, physnet)));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);

        subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        subscriber.createContext("/notify", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                notifications.add(JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        subscriber.start();
    }

    @AfterEach
    void stopSubscriber() {
        subscriber.stop(0);
    }

    @Test
    void aChainInstantiatesWithPerVnfProgressNotifiesAndTerminates() throws VimException {
        // the firewall declares no CPs (two undeclared virtio ports), the router vhost-user in, virtio out
        String fw = onboardVnf(ChainTestVnfd.yaml(physnet, 1, 1));
        String router = onboardVnf(ChainTestVnfd.yaml(physnet, 1, 1, "vhost-user", "virtio"));
        String nsdId = "chain-" + UUID.randomUUID().toString().substring(0, 8);
        onboardNsd(nsd(nsdId, fw, router));

        HttpResponse<String> first = http.send("POST", "/nslcm/v1/ns_instances", ADMIN, "application/json",
                "{\"nsdId\":\"" + nsdId + "\",\"nsName\":\"chain\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String nsId = JSON.readTree(first.body()).get("id").asString();
        subscribe(nsId);

        JsonNode op = awaitFinal(post("/nslcm/v1/ns_instances/" + nsId + "/instantiate", "{\"nsFlavourId\":\"default\"}"));
        assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("COMPLETED");
        assertThat(op.get("progress").get("vnfs")).hasSize(2);
        assertThat(op.get("progress").get("vnfs").get(0).get("operationState").asString()).isEqualTo("COMPLETED");

        JsonNode ns = get("/nslcm/v1/ns_instances/" + nsId);
        assertThat(ns.get("nsState").asString()).isEqualTo("INSTANTIATED");
        assertThat(ns.get("vnfInstance")).hasSize(2);
        assertThat(ns.get("vnfInstance").get(0).get("vnfProfileId").asString()).isEqualTo("fw");
        assertThat(ns.get("vnfInstance").get(0).get("vnfcs").get(0).get("cell").isNumber()).isTrue();
        assertThat(ns.get("chainLinks")).hasSize(1);
        assertThat(ns.get("chainLinks").get(0).get("pathKind").asString()).isEqualTo("TAP_BRIDGE");
        // vhost-user is not realised yet: the hop falls back to the bridge and says what was asked for
        assertThat(ns.get("chainLinks").get(0).get("details").get("requested").asString()).isEqualTo("VHOST_USER");
        assertThat(ns.get("sapInfo").get(0).get("details").get("path").asString()).isEqualTo("TAP_BRIDGE");
        // chain-aware: both ends of the link on the same host, so one bridge there
        assertThat(ns.get("chainLinks").get(0).get("details").get("hosts")).hasSize(1);
        assertThat(ns.get("sapInfo")).hasSize(2);
        String ingress = ns.get("sapInfo").get(0).get("details").get("network").asString();
        String link = ns.get("chainLinks").get(0).get("details").get("network").asString();
        String egress = ns.get("sapInfo").get(1).get("details").get("network").asString();
        String hostUri = get("/vim/v1/hosts/" + ns.get("chainLinks").get(0).get("details").get("hostIds").get(0).asString())
                .get("libvirtUri").asString();
        for (String network : List.of(ingress, link, egress)) {
            assertThat(libvirt.networks(hostUri).active(network)).as(network).isTrue();
        }
        // the firewall sits between ingress and the link, the router between the link and egress, in port order
        String fwXml = domainXml(hostUri, ns.get("vnfInstance").get(0));
        String routerXml = domainXml(hostUri, ns.get("vnfInstance").get(1));
        assertThat(fwXml.indexOf("network='" + ingress + "'")).isPositive().isLessThan(fwXml.indexOf("network='" + link + "'"));
        assertThat(routerXml.indexOf("network='" + link + "'")).isPositive().isLessThan(routerXml.indexOf("network='" + egress + "'"));

        awaitNotification(op.get("id").asString(), "COMPLETED");

        JsonNode term = awaitFinal(post("/nslcm/v1/ns_instances/" + nsId + "/terminate", "{}"));
        assertThat(term.get("operationState").asString()).as(term.toString()).isEqualTo("COMPLETED");
        assertThat(get("/nslcm/v1/ns_instances/" + nsId).get("vnfInstance")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vnf_instance WHERE ns_instance_id = ?::uuid", Integer.class, nsId)).isZero();
        for (String network : List.of(ingress, link, egress)) {
            assertThat(libvirt.networks(hostUri).active(network)).as(network + " after terminate").isFalse();
        }
        assertThat(http.send("DELETE", "/nslcm/v1/ns_instances/" + nsId, ADMIN, null, null).statusCode()).isEqualTo(204);
    }

    private String domainXml(String hostUri, JsonNode member) throws VimException {
        String domain = member.get("vnfcs").get(0).get("domain").asString();
        return libvirt.lifecycle(hostUri).xml(domain).orElseThrow().replace('"', '\'');
    }

    @Test
    void vfPortsOnTwoHostsAreOneVlanSegmentAndBridgePortsOnTwoHostsAreRefused() throws VimException {
        // Placement puts neighbours on one host whenever they fit, so the two-host case is planned directly.
        UUID hostA = registerHost("nsa");
        UUID hostB = registerHost("nsb");
        Nsd nsd = new Nsd("two-hosts", "two hosts", "mano.test", "1.0", "two-hosts",
                List.of(new Nsd.NsdVnf("fw", "a", "default"), new Nsd.NsdVnf("router", "b", "default")),
                List.of(new Nsd.NsdLink("fw_to_router", "fw", "router", 10000, true)));
        Vnfd vf = vnfPackages.findByVnfdId(onboardVnf(ChainTestVnfd.yaml(physnet, 1, 1, "sriov-vf", "sriov-vf"))).orElseThrow().vnfd();
        Vnfd bridged = vnfPackages.findByVnfdId(onboardVnf(ChainTestVnfd.yaml(physnet, 1, 1, "virtio", "virtio"))).orElseThrow().vnfd();
        UUID nsId = UUID.randomUUID();
        int[] vlans = {2100};
        List<RealisedLink> segments = linkRealisation.plan(nsId, nsd, List.of(member("fw", vf, hostA), member("router", vf, hostB)),
                (net, segment) -> vlans[0]++);

        assertThat(segments).extracting(RealisedLink::pathKind).containsExactly("SAP", "SRIOV_VLAN", "SAP");
        RealisedLink link = segments.get(1);
        assertThat(link.details()).containsEntry("vlan", 2101).containsEntry("physicalNetwork", physnet).doesNotContainKey("network");
        assertThat(LinkRealisation.hostIds(link)).containsExactly(hostA, hostB);
        assertThat(segments.get(0).details()).containsEntry("path", "SRIOV_VLAN").containsEntry("vlan", 2100);
        assertThat(LinkRealisation.dataPorts(segments, 1)).containsExactly(
                java.util.Map.of("physicalNetwork", physnet, "vlan", 2101), java.util.Map.of("physicalNetwork", physnet, "vlan", 2102));
        chainNetworks.create(segments); // no bridge for any of them
        assertThat(libvirt.networks(uriOf(hostA)).active("mano-" + nsId.toString().substring(0, 8) + "-1")).isFalse();

        assertThatThrownBy(() -> linkRealisation.plan(nsId, nsd, List.of(member("fw", bridged, hostA), member("router", bridged, hostB)),
                (net, segment) -> 1))
                .isInstanceOfSatisfying(dev.mano.orchestrator.api.OperationFailure.class,
                        f -> assertThat(f.problem().get("detail").toString()).contains("fw_to_router").contains("2 hosts"));
    }

    private static LinkRealisation.PlacedMember member(String node, Vnfd vnfd, UUID host) {
        UUID vnfc = UUID.randomUUID();
        // two VFs of the physical network: one per sriov-vf CP, in CP order
        String physnet = vnfd.connectionPointsOf("fwd").stream().flatMap(cp -> cp.physicalNetwork().stream()).findFirst().orElse("none");
        NodePlacement node0 = new NodePlacement(0, 0, List.of(1), List.of(), List.of(0), 2048, 512,
                List.of(new VfAssignment("0000:3b:02.0", physnet, "0000:3b:00.0", 0), new VfAssignment("0000:3b:02.1", physnet, "0000:3b:00.0", 0)));
        return new LinkRealisation.PlacedMember(node, vnfd, List.of(new VnfcPlacement(vnfc, node + "-0", host, node + "-host", List.of(node0))),
                java.util.Map.of(vnfc.toString(), "fwd"));
    }

    @Test
    void badDayOneConfigIsRefusedAtTheRequestWithItsField() {
        String nsdId = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        onboardNsd(nsd(nsdId, onboardVnf(pmd(1)), onboardVnf(pmd(1))));
        String nsId = JSON.readTree(post("/nslcm/v1/ns_instances", "{\"nsdId\":\"" + nsdId + "\"}").body()).get("id").asString();
        HttpResponse<String> badConfig = post("/nslcm/v1/ns_instances/" + nsId + "/instantiate",
                "{\"additionalParamsForVnf\":[{\"vnfProfileId\":\"fw\",\"additionalParams\":{\"config\":\"deny\"}}]}");
        assertThat(badConfig.statusCode()).as(badConfig.body()).isEqualTo(422);
        assertThat(JSON.readTree(badConfig.body()).get("field").asString()).isEqualTo("additionalParamsForVnf[0].additionalParams.config");
        assertThat(get("/nslcm/v1/ns_lcm_op_occs?nsInstanceId=" + nsId)).isEmpty();
    }

    private UUID registerHost(String prefix) {
        HttpResponse<String> r = http.send("POST", "/vim/v1/hosts", ADMIN, "application/json", JSON.writeValueAsString(
                SimulatedHosts.registration(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), SimulatedHosts.write(prefix), physnet)));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return UUID.fromString(JSON.readTree(r.body()).get("id").asString());
    }

    private String uriOf(UUID host) {
        return get("/vim/v1/hosts/" + host).get("libvirtUri").asString();
    }

    @Test
    void repeatingACreateWithTheSameIdempotencyKeyCreatesOneInstance() {
        String nsdId = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        onboardNsd(nsd(nsdId, onboardVnf(pmd(1)), onboardVnf(pmd(1))));
        String key = UUID.randomUUID().toString();
        HttpResponse<String> a = http.send("POST", "/nslcm/v1/ns_instances", ADMIN, "application/json",
                "{\"nsdId\":\"" + nsdId + "\"}", "Idempotency-Key", key);
        HttpResponse<String> b = http.send("POST", "/nslcm/v1/ns_instances", ADMIN, "application/json",
                "{\"nsdId\":\"" + nsdId + "\"}", "Idempotency-Key", key);
        assertThat(a.statusCode()).isEqualTo(201);
        assertThat(b.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(b.body()).get("id").asString()).isEqualTo(JSON.readTree(a.body()).get("id").asString());
    }

    @Test
    void aChainThatDoesNotFitFailsTempAndRollsBackToNothing() {
        // 7 PMD cores on one cell: the simulated host has 6 isolated CPUs per cell
        String nsdId = "big-" + UUID.randomUUID().toString().substring(0, 8);
        onboardNsd(nsd(nsdId, onboardVnf(pmd(7)), onboardVnf(pmd(7))));
        String nsId = JSON.readTree(post("/nslcm/v1/ns_instances", "{\"nsdId\":\"" + nsdId + "\"}").body()).get("id").asString();
        JsonNode op = awaitFinal(post("/nslcm/v1/ns_instances/" + nsId + "/instantiate", "{}"));
        assertThat(op.get("operationState").asString()).isEqualTo("FAILED_TEMP");
        assertThat(op.get("error").get("type").asString()).isEqualTo("urn:mano:problem:no-placement");

        JsonNode rolled = awaitFinal(post("/nslcm/v1/ns_lcm_op_occs/" + op.get("id").asString() + "/rollback", null));
        assertThat(rolled.get("operationState").asString()).as(rolled.toString()).isEqualTo("ROLLED_BACK");
        assertThat(get("/nslcm/v1/ns_instances/" + nsId).get("nsState").asString()).isEqualTo("NOT_INSTANTIATED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vnf_instance WHERE ns_instance_id = ?::uuid", Integer.class, nsId)).isZero();
    }

    @Test
    void anNsdNamingAnUnknownVnfdIsRefusedAtTheField() {
        String id = JSON.readTree(post("/nsd/v1/ns_descriptors", "{}").body()).get("id").asString();
        HttpResponse<String> r = http.send("PUT", "/nsd/v1/ns_descriptors/" + id + "/nsd_content", ADMIN, "application/yaml",
                nsd("bad-" + UUID.randomUUID(), "no-such-vnfd", "no-such-vnfd-either"));
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("path").asString()).isEqualTo("topology_template.node_templates.fw.properties.descriptor_id");
        assertThat(get("/nsd/v1/ns_descriptors/" + id).get("nsdOnboardingState").asString()).isEqualTo("CREATED");

        HttpResponse<String> sub = http.send("POST", "/nslcm/v1/subscriptions", ADMIN, "application/json",
                "{\"callbackUri\":\"http://127.0.0.1:1/nothing-listens\"}");
        assertThat(sub.statusCode()).isEqualTo(422);
    }

    static String nsd(String nsdId, String vnfdA, String vnfdB) {
        return """
                tosca_definitions_version: tosca_simple_yaml_1_3
                imports: [ etsi_nfv_sol001_nsd_types.yaml ]
                topology_template:
                  node_templates:
                    ns:
                      type: tosca.nodes.nfv.NS
                      properties: { descriptor_id: %s, designer: mano.test, version: "1.0", name: test chain }
                    fw:
                      type: tosca.nodes.nfv.VNF
                      properties: { descriptor_id: %s, flavour_id: default }
                      requirements: [ { virtual_link: fw_to_router } ]
                    router:
                      type: tosca.nodes.nfv.VNF
                      properties: { descriptor_id: %s, flavour_id: default }
                      requirements: [ { virtual_link: fw_to_router } ]
                    fw_to_router:
                      type: tosca.nodes.nfv.NsVirtualLink
                      properties: { mano.bandwidth_mbps: 10000, mano.same_host: true }
                  groups:
                    chain:
                      type: tosca.groups.nfv.VNFFG
                      members: [ fw, router, fw_to_router ]
                """.formatted(nsdId, vnfdA, vnfdB);
    }

    /** A VNF of n PMD cores whose two chain ports are bridge ports (virtio). */
    private String pmd(int n) {
        return ChainTestVnfd.yaml(physnet, n, 1, "virtio", "virtio");
    }

    private String onboardVnf(String yaml) {
        return api.onboardVnfd(yaml);
    }

    private void onboardNsd(String yaml) {
        String id = JSON.readTree(post("/nsd/v1/ns_descriptors", "{}").body()).get("id").asString();
        HttpResponse<String> r = http.send("PUT", "/nsd/v1/ns_descriptors/" + id + "/nsd_content", ADMIN, "application/yaml", yaml);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(JSON.readTree(r.body()).get("nsdOnboardingState").asString()).isEqualTo("ONBOARDED");
    }

    private void subscribe(String nsId) {
        HttpResponse<String> r = post("/nslcm/v1/subscriptions", "{\"callbackUri\":\"http://127.0.0.1:"
                + subscriber.getAddress().getPort() + "/notify\",\"filter\":{\"nsInstanceSubscriptionFilter\":{\"nsInstanceIds\":[\""
                + nsId + "\"]}}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private void awaitNotification(String opId, String state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (notifications.stream().noneMatch(n -> n.get("nsLcmOpOccId").asString().equals(opId)
                && n.get("operationState").asString().equals(state))) {
            assertThat(Instant.now()).as("notification " + state + " for " + opId + "; got " + notifications).isBefore(deadline);
            sleep(100);
        }
    }

    private HttpResponse<String> post(String path, String body) {
        return api.post(path, body);
    }

    private JsonNode get(String path) {
        return api.get(path);
    }

    private JsonNode awaitFinal(HttpResponse<String> accepted) {
        return api.awaitFinal(accepted, "/nslcm/v1/ns_lcm_op_occs");
    }

    private static void sleep(long ms) {
        LifecycleApi.sleep(ms);
    }
}
