package dev.mano.orchestrator.catalog;

import static dev.mano.orchestrator.catalog.CatalogHttp.BASE;
import static dev.mano.orchestrator.catalog.CatalogHttp.json;
import static dev.mano.orchestrator.catalog.CatalogHttp.text;
import static dev.mano.orchestrator.catalog.TestCsars.csarFiles;
import static dev.mano.orchestrator.catalog.TestCsars.freshId;
import static dev.mano.orchestrator.catalog.TestCsars.probeVnfd;
import static dev.mano.orchestrator.catalog.TestCsars.sha256;
import static dev.mano.orchestrator.catalog.TestCsars.utf8;
import static dev.mano.orchestrator.catalog.TestCsars.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The SOL005 package API over real HTTP on the real app and its embedded PostgreSQL: the whole
 * onboarding state machine, content/VNFD/artifact fetches, enable/disable/delete rules, roles,
 * and the hostile uploads (too large, zip bomb, traversal, billion laughs, bad manifest hash).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VnfPackageApiTest {
    static final String ADMIN = CatalogHttp.basic("admin", "test-admin-password");
    static final String VIEWER = CatalogHttp.basic("catalog-viewer", "viewer-password");

    @LocalServerPort int port;
    @Autowired PackageStore store;
    @Autowired JdbcTemplate jdbc;
    @Autowired VnfPackageCatalog catalog;
    @Autowired BundledPackages bundled;
    @Autowired CatalogProperties props;
    @Autowired StaleUploads staleUploads;
    @Autowired dev.mano.orchestrator.ManoProperties mano;
    CatalogHttp http;

    @BeforeEach
    void setUp() {
        http = new CatalogHttp(port, ADMIN);
        http.json("POST", "/users", "application/json",
                "{\"username\":\"catalog-viewer\",\"password\":\"viewer-password\",\"role\":\"VIEWER\"}");
    }

    private String create(String userDefinedData) {
        HttpResponse<byte[]> r = http.json("POST", BASE, "application/json", "{\"userDefinedData\":" + userDefinedData + "}");
        assertThat(r.statusCode()).isEqualTo(201);
        String id = json(r).get("id").asString();
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(BASE + "/" + id));
        return id;
    }

    private JsonNode info(String id) {
        HttpResponse<byte[]> r = http.get(BASE + "/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r);
    }

    private JsonNode rejected(HttpResponse<byte[]> r, int status, String type) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(r);
        assertThat(problem.get("type").asString()).isEqualTo("urn:mano:problem:" + type);
        return problem;
    }

    @Test
    void bundledPackagesAreOnboardedAtStartAndOnlyOnce() throws Exception {
        HttpResponse<byte[]> r = http.as(VIEWER).get(BASE + "?onboardingState=ONBOARDED&vnfProvider=mano.dev");
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> products = new ArrayList<>();
        json(r).forEach(p -> {
            products.add(p.get("vnfProductName").asString());
            assertThat(p.get("operationalState").asString()).isEqualTo("ENABLED");
            assertThat(p.get("userDefinedData").get("bundled").asBoolean()).isTrue();
        });
        assertThat(products).contains("l2fwd", "router", "firewall", "nat44");
        // Every bundled package onboarded: none was refused.
        json(http.get(BASE + "?onboardingState=ERROR")).forEach(p ->
                assertThat(p.get("userDefinedData").has("bundled")).as(p.toString()).isFalse());
        assertThat(catalog.findByVnfdId("5f0c2a4e-1b7d-4a55-9a38-0b8c1c2f0003").orElseThrow().vnfd().identity().productName())
                .isEqualTo("firewall");

        int before = jdbc.queryForObject("select count(*) from vnf_package", Integer.class);
        bundled.run(null); // a restart: every vnfdId is present, nothing new
        assertThat(jdbc.queryForObject("select count(*) from vnf_package", Integer.class)).isEqualTo(before);
    }

    @Test
    void onboardsACsarThroughTheWholeStateMachine() {
        String vnfdId = freshId();
        String vnfd = probeVnfd(vnfdId);
        byte[] csar = zip(csarFiles(vnfd));
        String id = create("{\"owner\":\"team-a\"}");
        JsonNode created = info(id);
        assertThat(created.get("onboardingState").asString()).isEqualTo("CREATED");
        assertThat(created.get("operationalState").asString()).isEqualTo("DISABLED");
        assertThat(created.get("usageState").asString()).isEqualTo("NOT_IN_USE");
        assertThat(created.get("userDefinedData").get("owner").asString()).isEqualTo("team-a");
        assertThat(created.has("vnfdId")).isFalse();
        rejected(http.get(BASE + "/" + id + "/vnfd"), 409, "package-state-conflict");

        assertThat(http.put(BASE + "/" + id + "/package_content", "application/zip", csar).statusCode()).isEqualTo(202);
        JsonNode p = info(id);
        assertThat(p.get("onboardingState").asString()).isEqualTo("ONBOARDED");
        assertThat(p.get("operationalState").asString()).isEqualTo("ENABLED");
        assertThat(p.get("vnfdId").asString()).isEqualTo(vnfdId);
        assertThat(p.get("vnfProvider").asString()).isEqualTo("tests");
        assertThat(p.get("vnfProductName").asString()).isEqualTo("probe");
        assertThat(p.get("vnfSoftwareVersion").asString()).isEqualTo("2.0");
        assertThat(p.get("vnfdVersion").asString()).isEqualTo("1.0");
        assertThat(p.get("checksum").get("algorithm").asString()).isEqualTo("SHA-256");
        assertThat(p.get("checksum").get("hash").asString()).isEqualTo(sha256(csar));
        assertThat(p.get("additionalArtifacts").findValuesAsString("artifactPath")).contains("Files/readme.txt");
        assertThat(p.get("_links").get("vnfd").get("href").asString()).endsWith(BASE + "/" + id + "/vnfd");
        assertThat(Files.exists(store.path(sha256(csar)))).isTrue();

        assertThat(http.get(BASE + "/" + id + "/package_content").body()).isEqualTo(csar);
        assertThat(text(http.get(BASE + "/" + id + "/vnfd"))).isEqualTo(vnfd);
        assertThat(zipNames(http.getAccepting(BASE + "/" + id + "/vnfd", "application/zip").body()))
                .containsExactlyInAnyOrder("Definitions/probe.yaml", "TOSCA-Metadata/TOSCA.meta");
        assertThat(text(http.get(BASE + "/" + id + "/artifacts/Files/readme.txt"))).isEqualTo("an artifact\n");
        rejected(http.get(BASE + "/" + id + "/artifacts/Files/missing.txt"), 404, "not-found");
        rejected(http.put(BASE + "/" + id + "/package_content", "application/zip", csar), 409, "package-state-conflict");

        // Enabled or in use: not deletable (SOL005).
        rejected(http.send("DELETE", BASE + "/" + id, null, null), 409, "package-state-conflict");
        catalog.markInUse(UUID.fromString(id));
        assertThat(info(id).get("usageState").asString()).isEqualTo("IN_USE");
        HttpResponse<byte[]> disable = http.json("PATCH", BASE + "/" + id, "application/merge-patch+json",
                "{\"operationalState\":\"DISABLED\",\"userDefinedData\":{\"owner\":null,\"stage\":\"retired\"}}");
        assertThat(disable.statusCode()).isEqualTo(200);
        assertThat(json(disable).get("operationalState").asString()).isEqualTo("DISABLED");
        assertThat(info(id).get("userDefinedData").properties()).extracting(Map.Entry::getKey).containsExactly("stage");
        assertThat(catalog.findByPackageId(UUID.fromString(id))).isEmpty(); // disabled: not deployable
        rejected(http.json("PATCH", BASE + "/" + id, "application/json", "{\"operationalState\":\"DISABLED\"}"),
                409, "package-state-conflict");
        rejected(http.send("DELETE", BASE + "/" + id, null, null), 409, "package-state-conflict");
        catalog.markNotInUse(UUID.fromString(id));

        assertThat(http.send("DELETE", BASE + "/" + id, null, null).statusCode()).isEqualTo(204);
        rejected(http.get(BASE + "/" + id), 404, "not-found");
        assertThat(Files.exists(store.path(sha256(csar)))).isFalse();

        // The same bytes onboard again into a new package: the file is stored again.
        String again = create("{}");
        assertThat(http.put(BASE + "/" + again + "/package_content", "application/zip", csar).statusCode()).isEqualTo(202);
        assertThat(Files.exists(store.path(sha256(csar)))).isTrue();
    }

    static List<String> zipNames(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    @Test
    void onboardsBareYamlAndMultipartUploads() {
        String yamlId = create("{}");
        String vnfd = probeVnfd(freshId());
        assertThat(http.put(BASE + "/" + yamlId + "/package_content", "text/plain", utf8(vnfd)).statusCode()).isEqualTo(202);
        assertThat(info(yamlId).get("onboardingState").asString()).isEqualTo("ONBOARDED");
        assertThat(text(http.get(BASE + "/" + yamlId + "/vnfd"))).isEqualTo(vnfd);
        assertThat(text(http.get(BASE + "/" + yamlId + "/package_content"))).isEqualTo(vnfd);

        String formId = create("{}");
        byte[] csar = zip(csarFiles(probeVnfd(freshId())));
        String boundary = "----catalog-test-boundary";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"probe.csar\"\r\n"
                + "Content-Type: application/zip\r\n\r\n"));
        form.writeBytes(csar);
        form.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        assertThat(http.put(BASE + "/" + formId + "/package_content", "multipart/form-data; boundary=" + boundary,
                form.toByteArray()).statusCode()).isEqualTo(202);
        assertThat(info(formId).get("checksum").get("hash").asString()).isEqualTo(sha256(csar));

        // The same vnfdId twice: the second upload ends in ERROR, the first stays.
        String dupId = create("{}");
        rejected(http.put(BASE + "/" + dupId + "/package_content", "text/plain", utf8(vnfd)), 409, "vnfd-id-conflict");
        assertThat(info(dupId).get("onboardingState").asString()).isEqualTo("ERROR");
    }

    @Test
    void invalidVnfdEndsInErrorWithTheProblemAndStoresNothing() throws Exception {
        String id = create("{}");
        byte[] csar = zip(csarFiles(probeVnfd(freshId()).replace("virtual_mem_size: 1 GiB", "virtual_mem_size: plenty")));
        JsonNode problem = rejected(http.put(BASE + "/" + id + "/package_content", "application/zip", csar), 422, "vnfd-invalid");
        String path = "topology_template.node_templates.fw_vdu.capabilities.virtual_compute.properties.virtual_memory.virtual_mem_size";
        assertThat(problem.get("file").asString()).isEqualTo("Definitions/probe.yaml");
        assertThat(problem.get("path").asString()).isEqualTo(path);
        assertThat(problem.get("expected").asString()).contains("GiB");
        JsonNode p = info(id);
        assertThat(p.get("onboardingState").asString()).isEqualTo("ERROR");
        assertThat(p.get("onboardingFailureDetails").get("path").asString()).isEqualTo(path);
        assertThat(p.get("onboardingFailureDetails").get("status").asInt()).isEqualTo(422);
        assertThat(p.has("checksum")).isFalse();
        assertThat(Files.exists(store.path(sha256(csar)))).isFalse();
        try (var temp = Files.list(mano.dataDir().resolve("packages/tmp"))) {
            assertThat(temp).isEmpty(); // the received bytes are gone too
        }
        // An ERROR package is DISABLED and unused: it can be deleted.
        assertThat(http.send("DELETE", BASE + "/" + id, null, null).statusCode()).isEqualTo(204);
    }

    @Test
    void manifestHashMismatchIsRefused() {
        Map<String, byte[]> files = csarFiles(probeVnfd(freshId()));
        files.put("Files/readme.txt", utf8("changed after signing\n")); // the manifest keeps the old hash
        String id = create("{}");
        JsonNode problem = rejected(http.put(BASE + "/" + id + "/package_content", "application/zip", zip(files)),
                422, "manifest-hash-mismatch");
        assertThat(problem.get("file").asString()).isEqualTo("Files/readme.txt");
        assertThat(info(id).get("onboardingState").asString()).isEqualTo("ERROR");
    }

    @Test
    void pathTraversalInACsarIsRefused() {
        for (String evil : List.of("../../etc/cron.d/evil", "/etc/passwd", "Definitions/../../x.yaml", "C:/windows/x")) {
            Map<String, byte[]> files = csarFiles(probeVnfd(freshId()));
            files.put(evil, utf8("boom"));
            String id = create("{}");
            JsonNode problem = rejected(http.put(BASE + "/" + id + "/package_content", "application/zip", zip(files)),
                    422, "csar-path-traversal");
            assertThat(problem.get("file").asString()).isEqualTo(evil);
        }
    }

    @Test
    void zipBombsAreRefused() {
        // One entry of zeros: 1000:1 compression, stopped after the first MiB read.
        Map<String, byte[]> files = csarFiles(probeVnfd(freshId()));
        files.put("Files/zeros.bin", new byte[32 << 20]);
        String id = create("{}");
        rejected(http.put(BASE + "/" + id + "/package_content", "application/zip", zip(files)), 422, "csar-zip-bomb");
        assertThat(info(id).get("onboardingState").asString()).isEqualTo("ERROR");

        // Many tiny entries.
        Map<String, byte[]> many = new LinkedHashMap<>(csarFiles(probeVnfd(freshId())));
        for (int i = 0; i <= props.maxEntries(); i++) {
            many.put("Files/f" + i, new byte[0]);
        }
        rejected(http.put(BASE + "/" + create("{}") + "/package_content", "application/zip", zip(many)), 422, "csar-zip-bomb");
    }

    @Test
    void billionLaughsIsRefused() {
        String id = create("{}");
        JsonNode problem = rejected(http.put(BASE + "/" + id + "/package_content", "application/yaml",
                utf8(VnfdParserTest.resource("/catalog/billion-laughs.yaml"))), 422, "vnfd-invalid");
        assertThat(problem.get("detail").asString()).containsIgnoringCase("aliases");
    }

    @Test
    void uploadsBeyondTheLimitAre413AndLeaveThePackageCreated() throws Exception {
        long max = props.maxUploadBytes().toBytes();
        String id = create("{}");
        // Declared length beyond the limit: refused before reading.
        var sized = EarlyResponseHttp.putSized(port, BASE + "/" + id + "/package_content", ADMIN, "application/zip", max + 1);
        assertThat(sized.status()).as(sized.head()).isEqualTo(413);
        assertThat(sized.body()).contains("urn:mano:problem:upload-too-large");
        assertThat(info(id).get("onboardingState").asString()).isEqualTo("CREATED");
        // No length declared (chunked): counted while streaming.
        var chunked = EarlyResponseHttp.putChunked(port, BASE + "/" + id + "/package_content", ADMIN, "application/zip", max + 1);
        assertThat(chunked.status()).as(chunked.head()).isEqualTo(413);
        assertThat(chunked.body()).contains("urn:mano:problem:upload-too-large");
        assertThat(info(id).get("onboardingState").asString()).isEqualTo("CREATED");
        // Still usable afterwards.
        assertThat(http.put(BASE + "/" + id + "/package_content", "text/plain", utf8(probeVnfd(freshId()))).statusCode())
                .isEqualTo(202);
    }

    @Test
    void rolesAndMissingThings() {
        assertThat(http.as(VIEWER).get(BASE).statusCode()).isEqualTo(200);
        assertThat(http.as(VIEWER).json("POST", BASE, "application/json", "{}").statusCode()).isEqualTo(403);
        assertThat(http.as(null).get(BASE).statusCode()).isEqualTo(401);
        String id = create("{}");
        assertThat(http.as(VIEWER).put(BASE + "/" + id + "/package_content", "text/plain", utf8("x")).statusCode()).isEqualTo(403);
        assertThat(http.as(VIEWER).send("DELETE", BASE + "/" + id, null, null).statusCode()).isEqualTo(403);

        String unknown = UUID.randomUUID().toString();
        rejected(http.get(BASE + "/" + unknown), 404, "not-found");
        rejected(http.get(BASE + "/" + unknown + "/vnfd"), 404, "not-found");
        rejected(http.get(BASE + "/" + unknown + "/package_content"), 404, "not-found");
        rejected(http.put(BASE + "/" + unknown + "/package_content", "text/plain", utf8("x")), 404, "not-found");
        rejected(http.send("DELETE", BASE + "/" + unknown, null, null), 404, "not-found");
        assertThat(http.put(BASE + "/" + id + "/package_content", "application/json", utf8("{}")).statusCode()).isEqualTo(415);
        rejected(http.get(BASE + "?colour=red"), 400, "invalid-filter");
        HttpResponse<byte[]> created = http.get(BASE + "?filter=(eq,onboardingState,CREATED);(neq,usageState,IN_USE)");
        assertThat(json(created).findValuesAsString("id")).contains(id);
        assertThat(json(created).findValuesAsString("onboardingState")).containsOnly("CREATED");
    }

    @Test
    void uploadsCutOffByARestartAreReleased() {
        String uploading = create("{}");
        String processing = create("{}");
        String fresh = create("{}");
        jdbc.update("update vnf_package set onboarding_state = 'UPLOADING', updated_at = now() - interval '2 hours' where id = ?::uuid", uploading);
        jdbc.update("update vnf_package set onboarding_state = 'PROCESSING', updated_at = now() - interval '2 hours' where id = ?::uuid", processing);
        jdbc.update("update vnf_package set onboarding_state = 'UPLOADING' where id = ?::uuid", fresh);
        staleUploads.release();
        assertThat(info(uploading).get("onboardingState").asString()).isEqualTo("CREATED");
        assertThat(info(processing).get("onboardingState").asString()).isEqualTo("ERROR");
        assertThat(info(processing).get("onboardingFailureDetails").get("type").asString())
                .isEqualTo("urn:mano:problem:processing-interrupted");
        assertThat(info(fresh).get("onboardingState").asString()).isEqualTo("UPLOADING"); // maybe live elsewhere
    }

    @Test
    void concurrentInstantiationsMarkOnePackageInUseWithoutConflicts() throws Exception {
        String id = create("{}");
        assertThat(http.put(BASE + "/" + id + "/package_content", "text/plain", utf8(probeVnfd(freshId()))).statusCode())
                .isEqualTo(202);
        UUID pkg = UUID.fromString(id);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var marks = new ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 16; i++) {
                marks.add(pool.submit(() -> catalog.markInUse(pkg)));
            }
            for (var m : marks) {
                m.get(); // none fails with an optimistic-lock conflict
            }
        }
        assertThat(info(id).get("usageState").asString()).isEqualTo("IN_USE");
        catalog.markNotInUse(pkg);
        catalog.markNotInUse(pkg); // idempotent
        assertThat(http.json("PATCH", BASE + "/" + id, "application/json", "{\"operationalState\":\"DISABLED\"}").statusCode())
                .isEqualTo(200);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> catalog.markInUse(pkg))
                .isInstanceOfSatisfying(dev.mano.orchestrator.api.ApiProblem.class,
                        p -> assertThat(p.status().value()).isEqualTo(409));
        assertThat(info(id).get("usageState").asString()).isEqualTo("NOT_IN_USE");
    }
}
