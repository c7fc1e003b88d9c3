package dev.mano.orchestrator.vnflcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mano.orchestrator.ApiHttp;
import dev.mano.orchestrator.LifecycleApi;
import dev.mano.orchestrator.hosts.SimulatedHosts;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The VNF lifecycle through the SOL003 API on a simulated host (libvirt's test driver, real
 * libvirtd library calls) and the real database: every VNFC becomes a domain with our metadata,
 * every resource is in the ledger while the VNF lives and released when it goes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VnfLifecycleTest {
    static final String ADMIN = ApiHttp.basic("admin", "test-admin-password");
    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired LibvirtHosts libvirt;
    ApiHttp http;
    LifecycleApi api;
    String hostUri;
    String physnet;

    @BeforeEach
    void registerHost() {
        http = new ApiHttp(port);
        api = new LifecycleApi(http);
        physnet = "net-" + UUID.randomUUID().toString().substring(0, 6);
        hostUri = SimulatedHosts.write("lcm");
        String name = "lcm-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = http.send("POST", "/vim/v1/hosts", ADMIN, "application/json",
                JSON.writeValueAsString(SimulatedHosts.registration(name, hostUri, physnet)));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }

    @Test
    void instantiateScaleHealTerminateDelete() throws Exception {
        String vnfdId = onboard(LcmTestVnfd.yaml(LcmTestVnfd.newId(), physnet, 1));
        String id = createInstance(vnfdId);

        JsonNode op = awaitFinal(post("/vnflcm/v1/vnf_instances/" + id + "/instantiate", "{\"flavourId\":\"default\"}"));
        assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("COMPLETED");
        assertThat(op.get("progress").get("percent").asInt()).isEqualTo(100);

        JsonNode instance = get("/vnflcm/v1/vnf_instances/" + id);
        assertThat(instance.get("instantiationState").asString()).isEqualTo("INSTANTIATED");
        JsonNode vnfcs = instance.get("instantiatedVnfInfo").get("vnfcResourceInfo");
        assertThat(vnfcs).hasSize(1);
        String vnfcId = vnfcs.get(0).get("id").asString();
        assertThat(libvirt.lifecycle(hostUri).findByVnfcId(vnfcId)).isPresent();
        assertThat(allocations(vnfcId)).isEqualTo(2); // one PMD CPU + one VF
        assertThat(pages(vnfcId)).isEqualTo(512);     // 1 GiB of 2 MB pages

        op = awaitFinal(post("/vnflcm/v1/vnf_instances/" + id + "/scale",
                "{\"type\":\"SCALE_OUT\",\"aspectId\":\"capacity\",\"numberOfSteps\":1}"));
        assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("COMPLETED");
        assertThat(get("/vnflcm/v1/vnf_instances/" + id).get("instantiatedVnfInfo").get("vnfcResourceInfo")).hasSize(2);

        op = awaitFinal(post("/vnflcm/v1/vnf_instances/" + id + "/scale",
                "{\"type\":\"SCALE_IN\",\"aspectId\":\"capacity\"}"));
        assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("COMPLETED");
        instance = get("/vnflcm/v1/vnf_instances/" + id);
        assertThat(instance.get("instantiatedVnfInfo").get("vnfcResourceInfo")).hasSize(1);
        assertThat(instance.get("instantiatedVnfInfo").get("vnfcResourceInfo").get(0).get("id").asString()).isEqualTo(vnfcId);

        // someone undefined the domain behind our back: heal defines it again from the ledger
        libvirt.lifecycle(hostUri).destroy(domainOf(instance));
        libvirt.lifecycle(hostUri).undefine(domainOf(instance));
        op = awaitFinal(post("/vnflcm/v1/vnf_instances/" + id + "/heal", "{\"cause\":\"test\"}"));
        assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("COMPLETED");
        assertThat(libvirt.lifecycle(hostUri).findByVnfcId(vnfcId)).isPresent();

        op = awaitFinal(post("/vnflcm/v1/vnf_instances/" + id + "/terminate", "{\"terminationType\":\"FORCEFUL\"}"));
        assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("COMPLETED");
        assertThat(libvirt.lifecycle(hostUri).listOurs()).noneMatch(d -> d.metadata().vnfInstanceId().equals(id));
        assertThat(allocations(vnfcId)).isZero();
        assertThat(pages(vnfcId)).isZero();

        assertThat(http.send("DELETE", "/vnflcm/v1/vnf_instances/" + id, ADMIN, null, null).statusCode()).isEqualTo(204);
        assertThat(http.send("GET", "/vnflcm/v1/vnf_instances/" + id, ADMIN, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aVnfThatCannotBePlacedFailsTempAndRollsBackToNothing() throws Exception {
        // 9 PMD cores on one VNFC: the simulated host has 6 isolated CPUs per cell
        String vnfdId = onboard(LcmTestVnfd.yaml(LcmTestVnfd.newId(), physnet, 9));
        String id = createInstance(vnfdId);
        JsonNode op = awaitFinal(post("/vnflcm/v1/vnf_instances/" + id + "/instantiate", "{\"flavourId\":\"default\"}"));
        assertThat(op.get("operationState").asString()).isEqualTo("FAILED_TEMP");
        assertThat(op.get("error").get("type").asString()).isEqualTo("urn:mano:problem:no-placement");
        assertThat(op.get("error").get("reasons").size()).isPositive();

        // the VNF is blocked by its FAILED_TEMP operation until someone decides
        HttpResponse<String> blocked = http.send("POST", "/vnflcm/v1/vnf_instances/" + id + "/instantiate", ADMIN,
                "application/json", "{\"flavourId\":\"default\"}");
        assertThat(blocked.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(blocked.body()).get("type").asString()).isEqualTo("urn:mano:problem:operation-in-progress");

        String opId = op.get("id").asString();
        op = awaitFinal(post("/vnflcm/v1/vnf_lcm_op_occs/" + opId + "/rollback", null));
        assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("ROLLED_BACK");
        assertThat(get("/vnflcm/v1/vnf_instances/" + id).get("instantiationState").asString()).isEqualTo("NOT_INSTANTIATED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vnfc WHERE vnf_instance_id = ?::uuid", Integer.class, id)).isZero();
        assertThat(libvirt.lifecycle(hostUri).listOurs()).noneMatch(d -> d.metadata().vnfInstanceId().equals(id));
    }

    @Test
    void badRequestsChangeNothing() {
        HttpResponse<String> unknown = http.send("POST", "/vnflcm/v1/vnf_instances", ADMIN, "application/json",
                "{\"vnfdId\":\"no-such-vnfd\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknown.body()).get("field").asString()).isEqualTo("vnfdId");

        String id = createInstance(onboard(LcmTestVnfd.yaml(LcmTestVnfd.newId(), physnet, 1)));
        HttpResponse<String> flavour = http.send("POST", "/vnflcm/v1/vnf_instances/" + id + "/instantiate", ADMIN,
                "application/json", "{\"flavourId\":\"gold\"}");
        assertThat(flavour.statusCode()).isEqualTo(422);
        HttpResponse<String> networks = http.send("POST", "/vnflcm/v1/vnf_instances/" + id + "/instantiate", ADMIN,
                "application/json", "{\"flavourId\":\"default\",\"additionalParams\":{\"dataNetworks\":\"br0\"}}");
        assertThat(networks.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(networks.body()).get("field").asString()).isEqualTo("additionalParams.dataNetworks");
        HttpResponse<String> ports = http.send("POST", "/vnflcm/v1/vnf_instances/" + id + "/instantiate", ADMIN,
                "application/json", "{\"flavourId\":\"default\",\"additionalParams\":{\"config\":{\"ports\":[\"a\",\"b\"]}}}");
        assertThat(ports.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(ports.body()).get("field").asString()).isEqualTo("additionalParams.config.ports");
        assertThat(http.send("POST", "/vnflcm/v1/vnf_instances/" + id + "/terminate", ADMIN, "application/json", "{}")
                .statusCode()).isEqualTo(409);
        HttpResponse<String> viewer = http.send("POST", "/vnflcm/v1/vnf_instances/" + id + "/instantiate",
                ApiHttp.basic("nobody", "x"), "application/json", "{\"flavourId\":\"default\"}");
        assertThat(viewer.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vnf_lcm_op_occ WHERE vnf_instance_id = ?::uuid", Integer.class, id))
                .isZero();
    }

    @Test
    void anOperationWhoseOrchestratorDiedBecomesFailedTemp(@Autowired StaleOperationSweeper sweeper,
                                                            @Autowired LcmOpOccStore ops) {
        String id = createInstance(onboard(LcmTestVnfd.yaml(LcmTestVnfd.newId(), physnet, 1)));
        LcmOpOcc op = ops.open(UUID.fromString(id), LcmOperation.INSTANTIATE, Map.of("flavourId", "default"), false);
        ops.transition(op.id(), OperationState.STARTING, OperationState.PROCESSING);
        // as if the replica running it was killed a minute ago
        jdbc.update("UPDATE vnf_lcm_op_occ SET heartbeat_at = now() - interval '1 minute' WHERE id = ?", op.id());
        sweeper.sweep();
        LcmOpOcc swept = ops.find(op.id()).orElseThrow();
        assertThat(swept.state()).isEqualTo(OperationState.FAILED_TEMP);
        assertThat(swept.error().get("type")).isEqualTo("urn:mano:problem:operation-orphaned");

        // retry finishes it
        JsonNode done = awaitFinal(post("/vnflcm/v1/vnf_lcm_op_occs/" + op.id() + "/retry", null));
        assertThat(done.get("operationState").asString()).as(done.toString()).isEqualTo("COMPLETED");
        awaitFinal(post("/vnflcm/v1/vnf_instances/" + id + "/terminate", "{}"));
    }

    /** The VNFM's policies decide; the lifecycle acts on the decision without a person. */
    @Test
    void policyDecisionsBecomeAutomaticOperations(@Autowired org.springframework.context.ApplicationEventPublisher events) {
        String id = createInstance(onboard(LcmTestVnfd.yaml(LcmTestVnfd.newId(), physnet, 1)));
        awaitFinal(post("/vnflcm/v1/vnf_instances/" + id + "/instantiate", "{\"flavourId\":\"default\"}"));
        String vnfcId = get("/vnflcm/v1/vnf_instances/" + id).get("instantiatedVnfInfo").get("vnfcResourceInfo").get(0)
                .get("id").asString();

        events.publishEvent(new dev.mano.vnfm.scaling.ScaleRequest(id,
                new dev.mano.vnfm.scaling.ScalingDecision.ScaleOut(1, 2, "busy ratio above 0.8 for 30 s")));
        JsonNode scale = awaitAutomatic(id, "SCALE");
        assertThat(scale.get("operationState").asString()).as(scale.toString()).isEqualTo("COMPLETED");
        assertThat(scale.get("operationParams").get("aspectId").asString()).isEqualTo("capacity");
        assertThat(get("/vnflcm/v1/vnf_instances/" + id).get("instantiatedVnfInfo").get("vnfcResourceInfo")).hasSize(2);

        events.publishEvent(new dev.mano.vnfm.healing.HealRequest(new dev.mano.vnfm.healing.HealingDecision.Heal(
                new dev.mano.vnfm.VnfcRef(id, vnfcId), "no heartbeat for 5 s")));
        JsonNode heal = awaitAutomatic(id, "HEAL");
        assertThat(heal.get("operationState").asString()).as(heal.toString()).isEqualTo("COMPLETED");
        awaitFinal(post("/vnflcm/v1/vnf_instances/" + id + "/terminate", "{}"));
    }

    private JsonNode awaitAutomatic(String vnfId, String operation) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (true) {
            for (JsonNode op : get("/vnflcm/v1/vnf_lcm_op_occs?vnfInstanceId=" + vnfId)) {
                if (op.get("operation").asString().equals(operation) && op.get("isAutomaticInvocation").asBoolean()
                        && !op.get("operationState").asString().matches("STARTING|PROCESSING")) {
                    return op;
                }
            }
            assertThat(java.time.Instant.now()).as("an automatic " + operation + " of " + vnfId).isBefore(deadline);
            LifecycleApi.sleep(100);
        }
    }

    private String domainOf(JsonNode instance) {
        return instance.get("instantiatedVnfInfo").get("vnfcResourceInfo").get(0).get("computeResource").get("resourceId").asString();
    }

    private int allocations(String vnfcId) {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM cpu_allocation WHERE vnfc_id = ?::uuid AND purpose = 'PMD')"
                + " + (SELECT count(*) FROM vf_allocation WHERE vnfc_id = ?::uuid)", Integer.class, vnfcId, vnfcId);
    }

    private long pages(String vnfcId) {
        return jdbc.queryForObject("SELECT coalesce(sum(pages), 0) FROM hugepage_allocation WHERE vnfc_id = ?::uuid",
                Long.class, vnfcId);
    }

    private String onboard(String yaml) {
        return api.onboardVnfd(yaml);
    }

    private String createInstance(String vnfdId) {
        HttpResponse<String> r = http.send("POST", "/vnflcm/v1/vnf_instances", ADMIN, "application/json",
                "{\"vnfdId\":\"" + vnfdId + "\",\"vnfInstanceName\":\"t<&>\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asString();
    }

    private HttpResponse<String> post(String path, String body) {
        return api.post(path, body);
    }

    private JsonNode get(String path) {
        return api.get(path);
    }

    private JsonNode awaitFinal(HttpResponse<String> accepted) {
        return api.awaitFinal(accepted, "/vnflcm/v1/vnf_lcm_op_occs");
    }
}
