package dev.mano.orchestrator.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Host registration through the REST API against libvirt's real test driver (simulated hosts written
 * by {@code SimulatedHostFiles}) and the embedded PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostRegistrationTest {
    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    TestApi api;

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void registrationStoresTheTopologyAsLibvirtReportsIt() {
        String uri = SimulatedHosts.write("reg");
        TestApi.Response r = api.post("/vim/v1/hosts", SimulatedHosts.registration("compute-" + UUID.randomUUID(), uri, "north"));

        assertThat(r.status()).isEqualTo(201);
        JsonNode host = r.body();
        assertThat(host.path("state").asString()).isEqualTo("READY");
        assertThat(host.path("isolatedCpus").asString()).isEqualTo(SimulatedHosts.ISOLATED);
        assertThat(host.path("cpuModel").asString()).isEqualTo("Skylake-Server-IBRS");
        List<JsonNode> cells = list(host.path("cells"));
        assertThat(cells).hasSize(2);
        JsonNode cell0 = cells.getFirst();
        assertThat(list(cell0.path("cpus"))).extracting(c -> c.path("id").asInt()).containsExactly(0, 1, 2, 3, 8, 9, 10, 11);
        JsonNode cpu1 = list(cell0.path("cpus")).get(1);
        assertThat(cpu1.path("isolated").asBoolean()).isTrue();
        assertThat(list(cpu1.path("siblings"))).extracting(JsonNode::asInt).containsExactly(1, 9);
        assertThat(cpu1.path("heldBy").isNull()).isTrue();
        JsonNode summary = cell0.path("summary");
        assertThat(summary.path("isolatedCpus").asInt()).isEqualTo(6);
        assertThat(summary.path("freeIsolatedCpus").asInt()).isEqualTo(6);
        assertThat(list(summary.path("housekeepingCpus"))).extracting(JsonNode::asInt).containsExactly(0, 8);
        assertThat(summary.path("freeVfsPerNetwork").path("north").asInt()).isEqualTo(4);
        assertThat(list(cell0.path("hugepages"))).extracting(p -> p.path("pageSizeKib").asLong() + "x" + p.path("total").asLong()
                + "/" + p.path("free").asLong()).contains("2048x1024/1024", "1048576x4/4");
        List<JsonNode> vfs = list(cells.get(1).path("vfs"));
        assertThat(vfs).hasSize(4).allMatch(v -> v.path("physicalNetwork").asString().equals("north")
                && v.path("pfNetdev").asString().equals("ens2f0") && v.path("heldBy").isNull());

        String id = host.path("id").asString();
        assertThat(api.get("/vim/v1/hosts/" + id).body()).isEqualTo(host);
        assertThat(list(api.get("/vim/v1/hosts").body())).extracting(h -> h.path("id").asString()).contains(id);
    }

    @Test
    void registeringTheSameNameAgainUpdatesTheHostInPlace() {
        String name = "again-" + UUID.randomUUID();
        String uri = SimulatedHosts.write("again");
        TestApi.Response first = api.post("/vim/v1/hosts", SimulatedHosts.registration(name, uri, "north"));
        TestApi.Response second = api.post("/vim/v1/hosts", Map.of("name", name, "libvirtUri", uri,
                "isolatedCpus", List.of(1, 2, 3), "physicalNetworks", Map.of("ens1f0", "south")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("id")).isEqualTo(first.body().path("id"));
        assertThat(second.body().path("isolatedCpus").asString()).isEqualTo("1-3");
        List<JsonNode> cells = list(second.body().path("cells"));
        assertThat(cells.get(0).path("summary").path("isolatedCpus").asInt()).isEqualTo(3);
        assertThat(cells.get(1).path("summary").path("isolatedCpus").asInt()).isZero();
        assertThat(cells.get(0).path("summary").path("freeVfsPerNetwork").path("south").asInt()).isEqualTo(4);
        assertThat(cells.get(1).path("summary").path("freeVfsPerNetwork").size()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vim_host WHERE name = ?", Integer.class, name)).isEqualTo(1);
    }

    @Test
    void anUnreachableHostIsMarkedNotDeletedAndComesBack() throws Exception {
        String uri = SimulatedHosts.write("flaky");
        String id = api.post("/vim/v1/hosts", SimulatedHosts.registration("flaky-" + UUID.randomUUID(), uri, "north"))
                .body().path("id").asString();
        Path node = Path.of(uri.substring("test://".length()));
        Path moved = node.resolveSibling(node.getFileName() + ".away");
        Files.move(node, moved);
        try {
            TestApi.Response down = api.post("/vim/v1/hosts/" + id + "/refresh", Map.of());
            assertThat(down.status()).isEqualTo(200);
            assertThat(down.body().path("state").asString()).isEqualTo("UNREACHABLE");
            assertThat(down.body().path("stateReason").asString()).contains(node.getFileName().toString());
            assertThat(down.body().path("cells").size()).as("inventory kept").isEqualTo(2);
        } finally {
            Files.move(moved, node);
        }
        TestApi.Response up = api.post("/vim/v1/hosts/" + id + "/refresh", Map.of());
        assertThat(up.body().path("state").asString()).isEqualTo("READY");
        assertThat(up.body().path("stateReason").isNull()).isTrue();
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndStoresNothing() {
        String uri = SimulatedHosts.write("bad");
        String name = "bad-" + UUID.randomUUID();

        TestApi.Response scheme = api.post("/vim/v1/hosts", Map.of("name", name, "libvirtUri", "gopher://x/system"));
        assertThat(scheme.status()).isEqualTo(400);
        assertThat(scheme.contentType()).startsWith("application/problem+json");
        assertThat(scheme.type()).isEqualTo("urn:mano:problem:invalid-libvirt-uri");

        TestApi.Response missing = api.post("/vim/v1/hosts", Map.of("name", name, "libvirtUri", "test:///nonexistent/host.xml"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.type()).isEqualTo("urn:mano:problem:host-unreachable");
        assertThat(missing.body().path("detail").asString()).contains("/nonexistent/host.xml");

        TestApi.Response cpus = api.post("/vim/v1/hosts", Map.of("name", name, "libvirtUri", uri, "isolatedCpus", "2-3,99"));
        assertThat(cpus.status()).isEqualTo(400);
        assertThat(cpus.body().path("detail").asString()).contains("no CPU(s) 99");

        TestApi.Response cpuSyntax = api.post("/vim/v1/hosts", Map.of("name", name, "libvirtUri", uri, "isolatedCpus", "two"));
        assertThat(cpuSyntax.type()).isEqualTo("urn:mano:problem:invalid-isolated-cpus");

        TestApi.Response pf = api.post("/vim/v1/hosts", Map.of("name", name, "libvirtUri", uri,
                "physicalNetworks", Map.of("eth9", "north")));
        assertThat(pf.status()).isEqualTo(400);
        assertThat(pf.type()).isEqualTo("urn:mano:problem:unknown-physical-function");
        assertThat(pf.body().path("detail").asString()).contains("eth9").contains("ens1f0");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM vim_host WHERE name = ?", Integer.class, name)).isZero();
        assertThat(api.get("/vim/v1/hosts/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void namesWithXmlMetacharactersRoundTripUnchanged() {
        String name = "<host a=\"1\" & 'b'>]]>" + UUID.randomUUID();
        TestApi.Response r = api.post("/vim/v1/hosts", SimulatedHosts.registration(name, SimulatedHosts.write("xml"), "north"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("name").asString()).isEqualTo(name);
        assertThat(api.get("/vim/v1/hosts/" + r.body().path("id").asString()).body().path("name").asString()).isEqualTo(name);
    }

    @Test
    void aHostHoldingAllocationsCannotBeDeleted() {
        String network = "del-" + UUID.randomUUID();
        String id = api.post("/vim/v1/hosts", SimulatedHosts.registration("del-" + UUID.randomUUID(),
                SimulatedHosts.write("del"), network)).body().path("id").asString();
        TestApi.Response placed = api.post("/vim/v1/placements", Map.of("chain", List.of(Map.of("name", "fw",
                "vcpus", 2, "pmdCores", 1, "memoryMib", 512, "vfsPerNetwork", Map.of(network, 1)))));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().path("vnfcs").get(0).path("hostId").asString()).isEqualTo(id);

        TestApi.Response refused = api.delete("/vim/v1/hosts/" + id);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.type()).isEqualTo("urn:mano:problem:host-has-allocations");
        assertThat(refused.body().path("allocations").asInt()).isEqualTo(4); // PMD + sibling + VF + pages
        String vnfc = placed.body().path("vnfcs").get(0).path("vnfcId").asString();
        JsonNode host = api.get("/vim/v1/hosts/" + id).body();
        assertThat(host.findValues("heldBy").stream().filter(h -> h.asString().equals(vnfc)).count())
                .as("the PMD CPU, its sibling and the VF show the VNFC").isEqualTo(3);
        assertThat(host.findValues("holders").stream().flatMap(h -> list(h).stream())
                .filter(h -> h.path("vnfcId").asString().equals(vnfc)).map(h -> h.path("pages").asLong()).toList())
                .containsExactly(256L);

        assertThat(api.delete("/vim/v1/placements/" + placed.body().path("id").asString()).status()).isEqualTo(204);
        assertThat(api.delete("/vim/v1/hosts/" + id).status()).isEqualTo(204);
        assertThat(api.get("/vim/v1/hosts/" + id).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM host_cpu WHERE host_id = ?::uuid", Integer.class, id)).isZero();
    }
}
