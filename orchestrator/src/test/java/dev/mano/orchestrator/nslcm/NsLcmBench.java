package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.ApiHttp;
import dev.mano.orchestrator.OrchestratorApplication;
import dev.mano.orchestrator.hosts.SimulatedHosts;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/nslcm: N concurrent instantiations of a 3-VNF chain onto simulated hosts (libvirt's test
 * driver), through the real REST API of an orchestrator started in this JVM on an embedded
 * PostgreSQL. Latency is from the instantiate POST to the client learning that the operation is
 * COMPLETED; guest boot is excluded because simulated hosts boot nothing. Afterwards it counts
 * double allocations in the ledger and operations that never reached a resting state.
 *
 * <p>How a client learns it (4th argument): {@code events} (default) follows the server-sent
 * NsLcmOperationOccurrenceNotification stream, as the web UI does, and confirms the final state with
 * one GET of the op occurrence (re-reading every second should an event be missed); {@code poll}
 * GETs the op occurrence every 20 ms. Polling is what earlier runs did: 32 clients polling every
 * 20 ms send up to 1600 requests a second, which on a 2-core machine is most of the load measured.
 * A warm-up (5th argument, default half the chains) instantiates and terminates chains untimed first.
 * Last line: p50_ms=<n> p99_ms=<n> per_s=<n> double_allocations=<n> stuck_ops=<n>
 */
public final class NsLcmBench {
    static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int chains = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        boolean poll = args.length > 3 && args[3].equals("poll");
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : chains / 2;
        Path data = Files.createTempDirectory("nslcm-bench");
        ConfigurableApplicationContext app = SpringApplication.run(OrchestratorApplication.class,
                "--server.port=0", "--mano.data-dir=" + data, "--mano.admin-password=bench-password",
                "--mano.catalog.onboard-bundled=false", "--mano.vnfm.policies.enabled=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--server.tomcat.threads.max=64");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            ApiHttp http = new ApiHttp(port);
            String admin = ApiHttp.basic("admin", "bench-password");
            String bearer = "Bearer " + JSON.readTree(http.send("POST", "/oauth2/token", admin,
                    "application/x-www-form-urlencoded", "grant_type=client_credentials").body()).get("access_token").asString();

            String physnet = "bench-net";
            long t0 = System.nanoTime();
            for (int i = 0; i < hosts; i++) {
                String uri = SimulatedHosts.write("bench");
                expect(http.send("POST", "/vim/v1/hosts", bearer, "application/json",
                        JSON.writeValueAsString(SimulatedHosts.registration("bench-" + i, uri, physnet))), 201);
            }
            System.out.printf("registered %d simulated hosts in %.1f s%n", hosts, (System.nanoTime() - t0) / 1e9);

            List<String> vnfds = new ArrayList<>();
            // fw (vnfds[0]): vhost-user in, VF out; router ([1]): VF in, vhost-user out; nat ([2]): VFs on both sides.
            // So both hops are SR-IOV VLAN links (VLANs from the ledger) and the access points bridges.
            List<String[]> ports = List.of(new String[] {"vhost-user", "sriov-vf"}, new String[] {"sriov-vf", "vhost-user"},
                    new String[] {"sriov-vf", "sriov-vf"});
            for (int i = 0; i < 3; i++) vnfds.add(onboardVnfd(http, bearer, physnet, ports.get(i)));
            String nsdId = "bench-chain";
            String nsd = NsLifecycleTest.nsd(nsdId, vnfds.get(0), vnfds.get(1)).replace("members: [ fw, router, fw_to_router ]",
                    "members: [ fw, nat, router, fw_to_router ]") + """
                        nat:
                          type: tosca.nodes.nfv.VNF
                          properties: { descriptor_id: %s, flavour_id: default }
                    """.formatted(vnfds.get(2));
            nsd = moveNatIntoNodes(nsd);
            String nsdInfo = JSON.readTree(http.send("POST", "/nsd/v1/ns_descriptors", bearer, "application/json", "{}").body())
                    .get("id").asString();
            expect(http.send("PUT", "/nsd/v1/ns_descriptors/" + nsdInfo + "/nsd_content", bearer, "application/yaml", nsd), 202);

            List<String> instances = createInstances(http, bearer, nsdId, "bench-", chains);

            NsLcmBenchEvents events = poll ? null : NsLcmBenchEvents.open(port, bearer);
            Round round = new Round(http, bearer, clients, poll, events);
            if (warmup > 0) {
                // A fresh JVM spends a third of its CPU in the JIT compiler for the first thousands of
                // requests; an orchestrator in service does not. Warm it with the same work, then give
                // everything back (terminate), so the measured round starts from empty hosts.
                List<String> warm = createInstances(http, bearer, nsdId, "warm-", warmup);
                Round.Result w = round.run(warm, "instantiate");
                Round.Result t = round.run(warm, "terminate");
                System.out.printf("warm-up: %d chains instantiated (p50 %d ms, %d failed) and terminated (%d failed) in %.1f s%n",
                        warmup, percentile(w.sorted(), 50), w.failures().size(), t.failures().size(), w.wall() + t.wall());
                if (!w.failures().isEmpty() || !t.failures().isEmpty()) {
                    throw new IllegalStateException("warm-up failed: " + w.failures() + " " + t.failures());
                }
            }
            Round.Result measured = round.run(instances, "instantiate");
            List<Long> sorted = measured.sorted();
            List<String> failures = measured.failures();
            double wall = measured.wall();
            if (events != null) events.close();

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            int doubles = jdbc.queryForObject("""
                    SELECT (SELECT count(*) FROM (SELECT host_id, cpu_id FROM cpu_allocation GROUP BY 1, 2 HAVING count(*) > 1) c)
                         + (SELECT count(*) FROM (SELECT host_id, pci_address FROM vf_allocation GROUP BY 1, 2 HAVING count(*) > 1) v)
                         + (SELECT count(*) FROM host_hugepage_pool p WHERE p.allocated > p.total OR p.allocated <>
                              (SELECT coalesce(sum(pages), 0) FROM hugepage_allocation a
                                WHERE a.host_id = p.host_id AND a.cell_id = p.cell_id AND a.page_size_kib = p.page_size_kib))""",
                    Integer.class);
            int stuck = jdbc.queryForObject("""
                    SELECT (SELECT count(*) FROM ns_lcm_op_occ WHERE operation_state IN ('STARTING', 'PROCESSING', 'ROLLING_BACK'))
                         + (SELECT count(*) FROM vnf_lcm_op_occ WHERE operation_state IN ('STARTING', 'PROCESSING', 'ROLLING_BACK'))""",
                    Integer.class);
            System.out.printf("%d chains of 3 VNFs on %d hosts with %d clients (%s, %s): %d completed, %d failed %s%n",
                    chains, hosts, clients, poll ? "polling every 20 ms" : "server-sent events",
                    warmup > 0 ? "after a warm-up of " + warmup + " chains" : "cold JVM", sorted.size(), failures.size(), failures.isEmpty() ? "" : failures.subList(0, Math.min(3, failures.size())));
            System.out.printf("wall %.1f s; cores %d%n", wall, Runtime.getRuntime().availableProcessors());
            System.out.printf("p50_ms=%d p99_ms=%d per_s=%.1f double_allocations=%d stuck_ops=%d%n",
                    percentile(sorted, 50), percentile(sorted, 99), sorted.size() / wall, doubles, stuck);
        } finally {
            app.close();
        }
    }

    private static List<String> createInstances(ApiHttp http, String bearer, String nsdId, String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(JSON.readTree(expect(http.send("POST", "/nslcm/v1/ns_instances", bearer, "application/json",
                    "{\"nsdId\":\"" + nsdId + "\",\"nsName\":\"" + prefix + i + "\"}"), 201).body()).get("id").asString());
        }
        return ids;
    }

    /** One NS operation on every instance, {@code clients} at a time; latency from the POST to the resting state. */
    private record Round(ApiHttp http, String bearer, int clients, boolean poll, NsLcmBenchEvents events) {
        record Result(List<Long> sorted, List<String> failures, double wall) {}

        Result run(List<String> instances, String operation) throws Exception {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> done = new ArrayList<>();
                for (String ns : instances) {
                    done.add(pool.submit(() -> {
                        long begin = System.nanoTime();
                        HttpResponse<String> r = http.send("POST", "/nslcm/v1/ns_instances/" + ns + "/" + operation, bearer,
                                "application/json", "{}");
                        if (r.statusCode() != 202) {
                            failures.add(ns + " " + operation + " -> " + r.statusCode() + " " + r.body());
                            return null;
                        }
                        String op = JSON.readTree(r.body()).get("id").asString();
                        String state = poll ? await(http, bearer, op) : events.await(http, bearer, op);
                        if (state.equals("COMPLETED")) latencies.add(System.nanoTime() - begin);
                        else failures.add(ns + " " + state);
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Result(sorted, failures, wall);
        }
    }

    /** The appended nat node lands after groups; move it into node_templates where it belongs. */
    private static String moveNatIntoNodes(String nsd) {
        int nat = nsd.lastIndexOf("    nat:\n");
        String natBlock = nsd.substring(nat).replace("\n    ", "\n    ").stripTrailing() + "\n";
        String rest = nsd.substring(0, nat);
        int groups = rest.indexOf("  groups:");
        return rest.substring(0, groups) + natBlock + rest.substring(groups);
    }

    private static String onboardVnfd(ApiHttp http, String bearer, String physnet, String... ports) throws InterruptedException {
        String yaml = ChainTestVnfd.yaml(physnet, 1, 1, ports).replace("virtual_mem_size: 1 GiB", "virtual_mem_size: 512 MiB");
        String id = JSON.readTree(http.send("POST", "/vnfpkgm/v1/vnf_packages", bearer, "application/json", "{}").body()).get("id").asString();
        expect(http.send("PUT", "/vnfpkgm/v1/vnf_packages/" + id + "/package_content", bearer, "application/yaml", yaml), 202);
        return JSON.readTree(http.send("GET", "/vnfpkgm/v1/vnf_packages/" + id, bearer, null, null).body()).get("vnfdId").asString();
    }

    static final List<String> RESTING = List.of("COMPLETED", "FAILED_TEMP", "FAILED", "ROLLED_BACK");

    static String state(ApiHttp http, String bearer, String op) {
        return JSON.readTree(http.send("GET", "/nslcm/v1/ns_lcm_op_occs/" + op, bearer, null, null).body())
                .get("operationState").asString();
    }

    private static String await(ApiHttp http, String bearer, String op) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            String state = JSON.readTree(http.send("GET", "/nslcm/v1/ns_lcm_op_occs/" + op, bearer, null, null).body())
                    .get("operationState").asString();
            if (RESTING.contains(state)) return state;
            Thread.sleep(20);
        }
        return "TIMEOUT";
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status && !(status == 201 && r.statusCode() == 200)) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " -> " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return -1;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1_000_000;
    }
}
