package dev.mano.orchestrator.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mano.orchestrator.OrchestratorApplication;
import dev.mano.orchestrator.hosts.SimulatedHosts;
import dev.mano.orchestrator.hosts.TestApi;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * 100 placement requests at once against two simulated hosts with room for exactly {@link #K}: exactly
 * K win, the others get 409 with reasons, and the ledger is consistent afterwards. Then the same
 * with two orchestrator instances (two Spring contexts, two connection pools) on one database.
 *
 * <p>Each run uses its own physical network name, so only its own hosts qualify (the database is
 * shared with the other test classes of this JVM).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlacementConcurrencyTest {
    /** 2 hosts x 2 cells x min(3 whole isolated cores, 1024/256 pages, 4 VFs) = 12. */
    static final int K = 12;
    static final int REQUESTS = 100;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlacementService placements;
    TestApi api;

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    private List<String> registerTwoHosts(String network) {
        List<String> ids = new ArrayList<>();
        for (int h = 0; h < 2; h++) {
            TestApi.Response r = api.post("/vim/v1/hosts",
                    SimulatedHosts.registration(network + "-h" + h, SimulatedHosts.write("conc"), network));
            assertThat(r.status()).isEqualTo(201);
            ids.add(r.body().path("id").asString());
        }
        return ids;
    }

    private static Map<String, Object> oneVnfc(String network, int i) {
        return Map.of("strategy", i % 2 == 0 ? "PACK" : "SPREAD", "chain", List.of(Map.of(
                "name", "vnf-" + i, "vcpus", 2, "pmdCores", 1, "threadPolicy", "ISOLATE",
                "memoryMib", 512, "hugepageSizeKib", 2048, "vfsPerNetwork", Map.of(network, 1))));
    }

    @Test
    void hundredConcurrentRequestsAgainstRoomForExactlyK() throws Exception {
        String network = "conc-" + UUID.randomUUID();
        List<String> hosts = registerTwoHosts(network);
        raceAndCheck(network, hosts, List.of(placements));
    }

    @Test
    void twoOrchestratorInstancesOnOneDatabase() throws Exception {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(OrchestratorApplication.class)
                .properties("server.port=0", "spring.datasource.url=" + url, "spring.datasource.username=postgres",
                        "mano.data-dir=target/test-data/second-" + UUID.randomUUID(), "mano.vim.refresh-enabled=false")
                .run()) {
            TestApi other = new TestApi(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
            assertThat(second.getBean(PlacementService.class)).isNotSameAs(placements);
            String network = "two-" + UUID.randomUUID();
            List<String> hosts = registerTwoHosts(network);
            assertThat(other.get("/vim/v1/hosts/" + hosts.getFirst()).status()).as("the second instance sees the host").isEqualTo(200);
            raceAndCheck(network, hosts, List.of(placements, second.getBean(PlacementService.class)));
        }
    }

    @Test
    void aNeedThatCanNeverFitIsRefusedAndAllocatesNothing() {
        String network = "never-" + UUID.randomUUID();
        registerTwoHosts(network);
        int before = jdbc.queryForObject("SELECT count(*) FROM cpu_allocation", Integer.class);

        TestApi.Response r = api.post("/vim/v1/placements", Map.of("chain", List.of(
                Map.of("name", "small", "vcpus", 2, "pmdCores", 1, "memoryMib", 256, "vfsPerNetwork", Map.of(network, 1)),
                Map.of("name", "huge", "vcpus", 9, "pmdCores", 8, "memoryMib", 256, "vfsPerNetwork", Map.of(network, 1)))));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.type()).isEqualTo("urn:mano:problem:placement-never-fits");
        assertThat(r.body().path("vnfc").asString()).isEqualTo("huge");
        assertThat(r.body().path("reasons").toString())
                .containsPattern("'huge' \\(2 of 2\\): " + network + "-h[01] cell [01]: 3 free whole isolated cores, needs 8");

        TestApi.Response bad = api.post("/vim/v1/placements", Map.of("chain", List.of(
                Map.of("name", "odd", "vcpus", 1, "pmdCores", 2, "memoryMib", 256, "hugepageSizeKib", 3000))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.type()).isEqualTo("urn:mano:problem:invalid-placement-request");
        assertThat(bad.body().path("errors").size()).isEqualTo(2);

        TestApi.Response policy = api.post("/vim/v1/placements", Map.of("chain", List.of(
                Map.of("name", "p", "vcpus", 1, "threadPolicy", "SOMETIMES", "memoryMib", 256))));
        assertThat(policy.status()).isEqualTo(400);
        assertThat(policy.contentType()).startsWith("application/problem+json");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM cpu_allocation", Integer.class)).isEqualTo(before);
    }

    private static PlacementRequest oneVnfcRequest(String network, int i) {
        return new PlacementRequest(i % 2 == 0 ? Strategy.PACK : Strategy.SPREAD, List.of(new VnfcNeeds(null, "vnf-" + i,
                2, 1, ThreadPolicy.ISOLATE, 512, 2048, 1, Map.of(network, 1), 0, null)));
    }

    /**
     * The race goes through {@link PlacementService}, the Java API the VNFM calls, from 100 virtual
     * threads at once: on this 2-core machine 100 HTTP requests would mostly measure BCrypt of Basic
     * auth and the connection pool's wait, not placement. The HTTP face is checked after the race.
     */
    private void raceAndCheck(String network, List<String> hostIds, List<PlacementService> instances) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PlanOutcome>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < REQUESTS; i++) {
                PlacementRequest request = oneVnfcRequest(network, i);
                PlacementService target = instances.get(i % instances.size());
                futures.add(pool.submit(() -> {
                    start.await();
                    return target.place(request);
                }));
            }
            start.countDown();
        }
        List<PlacementPlan> won = new ArrayList<>();
        List<PlanOutcome.Rejected> lost = new ArrayList<>();
        for (Future<PlanOutcome> f : futures) {
            switch (f.get()) {
                case PlanOutcome.Planned p -> won.add(p.plan());
                case PlanOutcome.Rejected r -> lost.add(r);
            }
        }
        assertThat(won).hasSize(K);
        assertThat(lost).hasSize(REQUESTS - K).allSatisfy(r -> {
            assertThat(r.neverFits()).isFalse();
            assertThat(r.reasons()).anyMatch(l -> l.startsWith(network + "-h0 cell 0: 0 free whole isolated cores, needs 1")
                    || l.startsWith(network + "-h0 cell 0: 0 free VFs"));
        });

        TestApi.Response late = api.post("/vim/v1/placements", oneVnfc(network, 0));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.type()).isEqualTo("urn:mano:problem:placement-no-fit");
        assertThat(late.body().path("detail").asString()).contains("nothing was allocated");
        assertThat(late.body().path("reasons").size()).isPositive();

        // No CPU or VF in two plans; every VNFC's PMD, pages and VF on one cell.
        Set<String> cpus = new HashSet<>();
        Set<String> vfs = new HashSet<>();
        for (PlacementPlan plan : won) {
            VnfcPlacement v = plan.vnfcs().getFirst();
            NodePlacement node = v.nodes().getFirst();
            String host = v.hostId().toString();
            assertThat(hostIds).contains(host);
            node.pmdCpus().forEach(c -> assertThat(cpus.add(host + "/" + c)).isTrue());
            node.siblingCpus().forEach(c -> assertThat(cpus.add(host + "/" + c)).isTrue());
            node.vfs().forEach(f -> {
                assertThat(vfs.add(host + "/" + f.pciAddress())).isTrue();
                assertThat(f.cell()).isEqualTo(node.hostCell());
            });
            int pmd = node.pmdCpus().getFirst();
            assertThat(pmd % 8 / 4).as("CPU %d is on cell %d", pmd, node.hostCell()).isEqualTo(node.hostCell());
        }
        assertThat(cpus).hasSize(2 * K);
        assertThat(vfs).hasSize(K);
        assertLedgerConsistent(hostIds, K);

        for (PlacementPlan plan : won) {
            assertThat(api.delete("/vim/v1/placements/" + plan.id()).status()).isEqualTo(204);
        }
        assertLedgerConsistent(hostIds, 0);
    }

    /** free + allocated = total for every pool and every cell's isolated CPUs; the pool counters match the rows. */
    private void assertLedgerConsistent(List<String> hostIds, int placedVnfcs) {
        assertThat(jdbc.queryForList("""
                SELECT p.host_id FROM host_hugepage_pool p
                LEFT JOIN (SELECT host_id, cell_id, page_size_kib, sum(pages) AS pages FROM hugepage_allocation
                           GROUP BY host_id, cell_id, page_size_kib) a USING (host_id, cell_id, page_size_kib)
                WHERE p.allocated <> coalesce(a.pages, 0) OR p.allocated > p.total""")).isEmpty();
        long pmdHeld = 0;
        for (String id : hostIds) {
            JsonNode host = api.get("/vim/v1/hosts/" + id).body();
            for (JsonNode cell : host.path("cells")) {
                JsonNode s = cell.path("summary");
                assertThat(s.path("freeIsolatedCpus").asInt() + s.path("usedIsolatedCpus").asInt())
                        .isEqualTo(s.path("isolatedCpus").asInt());
                for (JsonNode pool : cell.path("hugepages")) {
                    assertThat(pool.path("free").asLong() + pool.path("allocated").asLong()).isEqualTo(pool.path("total").asLong());
                    long held = 0;
                    for (JsonNode h : pool.path("holders")) {
                        held += h.path("pages").asLong();
                    }
                    assertThat(held).isEqualTo(pool.path("allocated").asLong());
                }
                for (JsonNode cpu : cell.path("cpus")) {
                    if ("PMD".equals(cpu.path("purpose").asString())) {
                        pmdHeld++;
                        assertThat(cpu.path("isolated").asBoolean()).isTrue();
                    }
                }
            }
        }
        assertThat(pmdHeld).isEqualTo(placedVnfcs);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vf_allocation WHERE host_id::text = ANY (string_to_array(?, ','))",
                Integer.class, String.join(",", hostIds))).isEqualTo(placedVnfcs);
    }
}
