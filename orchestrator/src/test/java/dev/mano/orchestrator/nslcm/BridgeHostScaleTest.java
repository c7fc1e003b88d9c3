package dev.mano.orchestrator.nslcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mano.orchestrator.ApiHttp;
import dev.mano.orchestrator.LifecycleApi;
import dev.mano.orchestrator.hosts.SimulatedHosts;
import dev.mano.orchestrator.vnflcm.LibvirtHosts;
import dev.mano.vim.VimException;
import dev.mano.vim.lifecycle.OurDomain;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A chain member whose data ports are bridges (virtio CPs: libvirt networks that exist only on the host its
 * first VNFCs landed on) scales out onto that host or not at all: the scale-out places its VNFC on the bridges'
 * host even when the placement strategy would rather use another host that has room, and when the bridges' host
 * is full the scale fails with 409 no-placement naming that host, leaving no domain, VNFC or allocation behind,
 * and the host with room untouched. End to end through the SOL005 API on two simulated hosts (libvirt's test
 * driver) and the real ledger. Same Spring configuration as the other nslcm tests (one cached context); other
 * test classes' hosts are registered too, so nothing here assumes the chain lands on one of ours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BridgeHostScaleTest {
    /** A member VNFC as placement sees it (ChainTestVnfd with 1 PMD core): 2 vCPUs, 1 PMD, 1 GiB of 2 MB pages. */
    private static final Map<String, Object> MEMBER_SIZED = Map.of("vcpus", 2, "pmdCores", 1, "threadPolicy", "PREFER",
            "memoryMib", 1024, "hugepageSizeKib", 2048, "guestNumaNodes", 1);
    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired LibvirtHosts libvirt;
    LifecycleApi api;
    final List<UUID> ourHosts = new ArrayList<>();
    /** Placements this test holds directly through /vim/v1/placements; released whatever happens. */
    final List<String> held = new ArrayList<>();
    String nsId;

    @BeforeEach
    void setUp() {
        api = new LifecycleApi(new ApiHttp(port));
        ourHosts.add(registerHost("bsa"));
        ourHosts.add(registerHost("bsb"));
    }

    @AfterEach
    void cleanUp() {
        if (nsId != null) {
            JsonNode ns = api.get("/nslcm/v1/ns_instances/" + nsId);
            if ("INSTANTIATED".equals(ns.get("nsState").asString())) {
                api.awaitFinal(api.post("/nslcm/v1/ns_instances/" + nsId + "/terminate", "{}"), "/nslcm/v1/ns_lcm_op_occs");
            }
        }
        held.forEach(id -> api.http().send("DELETE", "/vim/v1/placements/" + id, LifecycleApi.ADMIN, null, null));
    }

    @Test
    void aScaledOutVnfcOfABridgeWiredMemberGoesToItsBridgesHostOrIsRefusedNamingItAsFull() throws VimException {
        String fw = api.onboardVnfd(bridgeVnfd());
        String router = api.onboardVnfd(bridgeVnfd());
        String nsdId = "bridge-scale-" + UUID.randomUUID().toString().substring(0, 8);
        onboardNsd(NsLifecycleTest.nsd(nsdId, fw, router));
        HttpResponse<String> created = api.post("/nslcm/v1/ns_instances", "{\"nsdId\":\"" + nsdId + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        nsId = LifecycleApi.JSON.readTree(created.body()).get("id").asString();
        JsonNode instantiated = awaitNsOp(api.post("/nslcm/v1/ns_instances/" + nsId + "/instantiate", "{}"));
        assertThat(instantiated.get("operationState").asString()).as(instantiated.toString()).isEqualTo("COMPLETED");

        // Both members and their bridges on one host (A): the bridge host.
        JsonNode ns = api.get("/nslcm/v1/ns_instances/" + nsId);
        assertThat(ns.get("chainLinks").get(0).get("pathKind").asString()).isEqualTo("TAP_BRIDGE");
        String bridgeHostName = ns.get("chainLinks").get(0).get("details").get("hosts").get(0).asString();
        assertThat(vnfcHosts(ns, "fw")).containsExactly(bridgeHostName);
        assertThat(vnfcHosts(ns, "router")).containsExactly(bridgeHostName);
        JsonNode a = hostNamed(bridgeHostName);
        UUID hostA = UUID.fromString(a.get("id").asString());
        String uriA = a.get("libvirtUri").asString();
        String ingress = ns.get("sapInfo").get(0).get("details").get("network").asString();
        String link = ns.get("chainLinks").get(0).get("details").get("network").asString();
        String fwId = member(ns, "fw");

        // Host B: one of ours that is not A, loaded so it is the fullest host that still has room for one member
        // VNFC (1 free isolated CPU, pages on both cells): PACK, the strategy a scale-out uses, would pick it first.
        UUID hostB = ourHosts.stream().filter(h -> !h.equals(hostA)).findFirst().orElseThrow();
        String uriB = api.get("/vim/v1/hosts/" + hostB).get("libvirtUri").asString();
        hold(hostB, List.of(sized("b-load-0", 5, 2), sized("b-load-1", 6, 2)));
        assertThat(place(hostB, List.of(memberSized("b-probe")), true)).as("host B has room for a member VNFC").isEqualTo(201);

        // Fill A: member-sized placements pinned to A until it refuses one.
        List<String> fillers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = placeResponse(hostA, List.of(memberSized("a-fill-" + i)));
            if (r.statusCode() == 409) break;
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            String id = LifecycleApi.JSON.readTree(r.body()).get("id").asString();
            held.add(id);
            fillers.add(id);
        }
        assertThat(fillers).as("A took at least one member VNFC before it was full").isNotEmpty();

        // Scale out while A is full: refused, the reason names A as the only host the VNFC may go to.
        Ledger ledgerA = ledger(hostA);
        Ledger ledgerB = ledger(hostB);
        List<String> domainsA = domainNames(uriA);
        List<String> domainsB = domainNames(uriB);
        JsonNode refused = awaitNsOp(scaleOut(fwId));
        assertThat(refused.get("operationState").asString()).as(refused.toString()).isEqualTo("FAILED_TEMP");
        JsonNode vnfOp = api.get("/vnflcm/v1/vnf_lcm_op_occs/" + refused.get("progress").get("vnfs").get(0).get("vnfLcmOpOccId").asString());
        JsonNode error = vnfOp.get("error");
        assertThat(error.get("status").asInt()).as(error.toString()).isEqualTo(409);
        assertThat(error.get("type").asString()).isEqualTo("urn:mano:problem:no-placement");
        assertThat(error.get("detail").asString()).contains("on the host its chain bridges are on").endsWith("right now");
        assertThat(error.get("reasons").toString()).contains(bridgeHostName)
                .contains("only [" + bridgeHostName + "] may take it").doesNotContain(hostName(hostB));
        assertThat(refused.get("error").get("detail").asString()).contains("on the host its chain bridges are on");
        // Nothing left behind, on A or B: no VNFC, no domain, no allocation.
        assertThat(vnfcHosts(api.get("/nslcm/v1/ns_instances/" + nsId), "fw")).containsExactly(bridgeHostName);
        assertThat(ledger(hostA)).isEqualTo(ledgerA);
        assertThat(ledger(hostB)).isEqualTo(ledgerB);
        assertThat(domainNames(uriA)).isEqualTo(domainsA);
        assertThat(domainNames(uriB)).isEqualTo(domainsB);
        assertThat(scaleLevel(fwId)).isZero();

        // Out of the failure through the NS operation. A retry while A is still full retries the member's failed
        // scale (a new one would be refused: the failed one still holds the VNF) and fails the same way.
        String nsOpId = refused.get("id").asString();
        HttpResponse<String> retry = api.post("/nslcm/v1/ns_lcm_op_occs/" + nsOpId + "/retry", null);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(202);
        JsonNode retried = awaitNsOp(nsOpId);
        assertThat(retried.get("operationState").asString()).as(retried.toString()).isEqualTo("FAILED_TEMP");
        assertThat(retried.get("progress").get("vnfs")).as("the retry reused the member's operation").hasSize(1);
        assertThat(retried.get("error").get("detail").asString()).contains("on the host its chain bridges are on");
        // The rollback rolls the member's scale back: nothing on A changed, the member is free for its next operation.
        HttpResponse<String> rollback = api.post("/nslcm/v1/ns_lcm_op_occs/" + nsOpId + "/rollback", null);
        assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(202);
        JsonNode rolled = awaitNsOp(nsOpId);
        assertThat(rolled.get("operationState").asString()).as(rolled.toString()).isEqualTo("ROLLED_BACK");
        assertThat(api.get("/vnflcm/v1/vnf_lcm_op_occs/" + vnfOp.get("id").asString()).get("operationState").asString())
                .isEqualTo("ROLLED_BACK");
        assertThat(ledger(hostA)).isEqualTo(ledgerA);
        assertThat(domainNames(uriA)).isEqualTo(domainsA);
        assertThat(scaleLevel(fwId)).isZero();

        // Room for exactly one more on A: the scale-out takes it, although B is the fuller host with room (PACK's
        // first choice were the VNFC free to go anywhere).
        release(fillers.getLast());
        Ledger beforeOut = ledger(hostA);
        JsonNode out = awaitNsOp(scaleOut(fwId));
        assertThat(out.get("operationState").asString()).as(out.toString()).isEqualTo("COMPLETED");
        ns = api.get("/nslcm/v1/ns_instances/" + nsId);
        JsonNode added = newVnfc(ns, "fw", domainsA);
        assertThat(added.get("host").asString()).isEqualTo(bridgeHostName);
        String xml = libvirt.lifecycle(uriA).xml(added.get("domain").asString()).orElseThrow().replace('"', '\'');
        assertThat(xml).contains("<interface type='network'>").contains("network='" + ingress + "'").contains("network='" + link + "'");
        assertThat(ledger(hostA).cpus()).hasSize(beforeOut.cpus().size() + 1);
        assertThat(ledger(hostB)).isEqualTo(ledgerB);
        assertThat(domainNames(uriB)).isEqualTo(domainsB);
        assertThat(scaleLevel(fwId)).isEqualTo(1);
    }

    /** One VDU of 1 PMD core with two virtio data ports (bridges), scalable by one VNFC per step. */
    private static String bridgeVnfd() {
        return ChainTestVnfd.yaml("unused", 1, 1, "virtio", "virtio") + ChainTestVnfd.CAPACITY_ASPECT;
    }

    private UUID registerHost(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = api.http().send("POST", "/vim/v1/hosts", LifecycleApi.ADMIN, "application/json",
                LifecycleApi.JSON.writeValueAsString(SimulatedHosts.registration(name, SimulatedHosts.write(prefix), "net-" + name)));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return UUID.fromString(LifecycleApi.JSON.readTree(r.body()).get("id").asString());
    }

    private void onboardNsd(String yaml) {
        String id = LifecycleApi.JSON.readTree(api.post("/nsd/v1/ns_descriptors", "{}").body()).get("id").asString();
        HttpResponse<String> r = api.http().send("PUT", "/nsd/v1/ns_descriptors/" + id + "/nsd_content", LifecycleApi.ADMIN,
                "application/yaml", yaml);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    private HttpResponse<String> scaleOut(String vnfId) {
        return api.post("/nslcm/v1/ns_instances/" + nsId + "/scale", """
                {"scaleType": "SCALE_VNF", "scaleVnfData": [{"vnfInstanceId": "%s", "scaleVnfType": "SCALE_OUT",
                 "scaleByStepData": {"aspectId": "capacity", "numberOfSteps": 1}}]}""".formatted(vnfId));
    }

    private JsonNode awaitNsOp(HttpResponse<String> accepted) {
        return api.awaitFinal(accepted, "/nslcm/v1/ns_lcm_op_occs");
    }

    private JsonNode awaitNsOp(String opId) {
        return api.awaitFinal("/nslcm/v1/ns_lcm_op_occs", opId);
    }

    private static Map<String, Object> memberSized(String name) {
        Map<String, Object> v = new HashMap<>(MEMBER_SIZED);
        v.put("name", name);
        return v;
    }

    /** A VNFC of {@code pmd} PMD cores (thread policy prefer) and a little memory. */
    private static Map<String, Object> sized(String name, int pmd, int memoryMib) {
        return Map.of("name", name, "vcpus", pmd, "pmdCores", pmd, "threadPolicy", "PREFER", "memoryMib", memoryMib,
                "hugepageSizeKib", 2048, "guestNumaNodes", 1);
    }

    private HttpResponse<String> placeResponse(UUID host, List<Map<String, Object>> chain) {
        return api.post("/vim/v1/placements", LifecycleApi.JSON.writeValueAsString(
                Map.of("strategy", "PACK", "chain", chain, "onlyHosts", List.of(host.toString()))));
    }

    /** Places {@code chain} on {@code host} and holds it until the end of the test. */
    private void hold(UUID host, List<Map<String, Object>> chain) {
        HttpResponse<String> r = placeResponse(host, chain);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode plan = LifecycleApi.JSON.readTree(r.body());
        assertThat(plan.get("vnfcs")).allSatisfy(v -> assertThat(v.get("hostId").asString()).isEqualTo(host.toString()));
        held.add(plan.get("id").asString());
    }

    /** The status a placement of {@code chain} on {@code host} gets; a made one is released at once when asked. */
    private int place(UUID host, List<Map<String, Object>> chain, boolean releaseAtOnce) {
        HttpResponse<String> r = placeResponse(host, chain);
        if (r.statusCode() == 201 && releaseAtOnce) {
            release(LifecycleApi.JSON.readTree(r.body()).get("id").asString());
        }
        return r.statusCode();
    }

    private void release(String placementId) {
        assertThat(api.http().send("DELETE", "/vim/v1/placements/" + placementId, LifecycleApi.ADMIN, null, null).statusCode())
                .isEqualTo(204);
        held.remove(placementId);
    }

    /** What the ledger holds on a host: CPUs with their VNFC, hugepages per cell and size, placements. */
    record Ledger(List<String> cpus, List<String> pages, List<String> placements) {}

    private Ledger ledger(UUID host) {
        return new Ledger(
                jdbc.queryForList("SELECT cpu_id || ':' || vnfc_id FROM cpu_allocation WHERE host_id = ? ORDER BY cpu_id", String.class, host),
                jdbc.queryForList("SELECT cell_id || '/' || page_size_kib || ':' || allocated FROM host_hugepage_pool WHERE host_id = ? "
                        + "ORDER BY cell_id, page_size_kib", String.class, host),
                jdbc.queryForList("SELECT DISTINCT placement_id::text FROM hugepage_allocation WHERE host_id = ? ORDER BY 1", String.class, host));
    }

    private List<String> domainNames(String uri) throws VimException {
        return libvirt.lifecycle(uri).listOurs().stream().map(OurDomain::name).sorted().toList();
    }

    private JsonNode hostNamed(String name) {
        for (JsonNode h : api.get("/vim/v1/hosts")) {
            if (h.get("name").asString().equals(name)) return h;
        }
        throw new AssertionError("no host " + name);
    }

    private String hostName(UUID host) {
        return api.get("/vim/v1/hosts/" + host).get("name").asString();
    }

    private static String member(JsonNode ns, String profile) {
        return memberNode(ns, profile).get("vnfInstanceId").asString();
    }

    private static JsonNode memberNode(JsonNode ns, String profile) {
        for (JsonNode m : ns.get("vnfInstance")) {
            if (m.get("vnfProfileId").asString().equals(profile)) return m;
        }
        throw new AssertionError("no member " + profile + " in " + ns);
    }

    private static List<String> vnfcHosts(JsonNode ns, String profile) {
        List<String> hosts = new ArrayList<>();
        memberNode(ns, profile).get("vnfcs").forEach(c -> hosts.add(c.get("host").asString()));
        return hosts;
    }

    /** The member's one VNFC whose domain was not among {@code before}. */
    private static JsonNode newVnfc(JsonNode ns, String profile, List<String> before) {
        List<JsonNode> added = new ArrayList<>();
        memberNode(ns, profile).get("vnfcs").forEach(c -> {
            if (!before.contains(c.get("domain").asString())) added.add(c);
        });
        assertThat(added).as("new VNFCs of " + profile).hasSize(1);
        return added.getFirst();
    }

    private int scaleLevel(String vnfInstanceId) {
        for (JsonNode s : api.get("/vnflcm/v1/vnf_instances/" + vnfInstanceId).get("instantiatedVnfInfo").get("scaleStatus")) {
            if (s.get("aspectId").asString().equals("capacity")) return s.get("scaleLevel").asInt();
        }
        throw new AssertionError("no capacity aspect");
    }
}
