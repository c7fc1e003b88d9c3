package dev.mano.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The lifecycle tests' client: onboard a VNFD, call as admin, and wait for an op occurrence to rest. */
public record LifecycleApi(ApiHttp http) {
    public static final String ADMIN = ApiHttp.basic("admin", "test-admin-password");
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> RESTING = List.of("COMPLETED", "FAILED_TEMP", "FAILED", "ROLLED_BACK");

    public HttpResponse<String> post(String path, String body) {
        return http.send("POST", path, ADMIN, "application/json", body);
    }

    public JsonNode get(String path) {
        HttpResponse<String> r = http.send("GET", path, ADMIN, null, null);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Onboards a bare VNFD and returns its vnfdId. */
    public String onboardVnfd(String yaml) {
        String pkgId = JSON.readTree(post("/vnfpkgm/v1/vnf_packages", "{}").body()).get("id").asString();
        HttpResponse<String> put = http.send("PUT", "/vnfpkgm/v1/vnf_packages/" + pkgId + "/package_content", ADMIN,
                "application/yaml", yaml);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(202);
        JsonNode p = get("/vnfpkgm/v1/vnf_packages/" + pkgId);
        assertThat(p.get("onboardingState").asString()).as(p.toString()).isEqualTo("ONBOARDED");
        return p.get("vnfdId").asString();
    }

    /** Polls the op occurrence a 202 answered with, under {@code opsPath}, until it rests. */
    public JsonNode awaitFinal(HttpResponse<String> accepted, String opsPath) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return awaitFinal(opsPath, JSON.readTree(accepted.body()).get("id").asString());
    }

    /** Polls op occurrence {@code opId} under {@code opsPath} until it rests (after a retry or rollback, say). */
    public JsonNode awaitFinal(String opsPath, String opId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            JsonNode op = get(opsPath + "/" + opId);
            String state = op.get("operationState").asString();
            if (RESTING.contains(state)) return op;
            assertThat(Instant.now()).as("operation still " + state).isBefore(deadline);
            sleep(50);
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
