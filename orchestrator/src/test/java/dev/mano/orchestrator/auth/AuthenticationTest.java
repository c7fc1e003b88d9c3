package dev.mano.orchestrator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mano.orchestrator.ApiHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Basic and bearer authentication, roles, and the problem details of 401/403, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationTest {
    static final String ADMIN = ApiHttp.basic("admin", "test-admin-password");
    @LocalServerPort int port;
    ApiHttp http;

    @BeforeEach
    void setUp() {
        http = new ApiHttp(port);
        for (String role : new String[] {"VIEWER", "OPERATOR"}) {
            http.send("POST", "/users", ADMIN, "application/json",
                    "{\"username\":\"" + role.toLowerCase() + "1\",\"password\":\"secret-" + role + "\",\"role\":\"" + role + "\"}");
        }
    }

    @Test
    void anonymousGetsProblemDetailsAndAChallenge() {
        HttpResponse<String> r = http.send("GET", "/users", null, null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(r).get("type").asString()).isEqualTo("urn:mano:problem:unauthenticated");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Bearer"));
    }

    @Test
    void wrongPasswordIsRejected() {
        assertThat(http.send("GET", "/users", ApiHttp.basic("admin", "nope"), null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void clientCredentialsGrantIssuesABearerTokenCarryingTheRole() {
        HttpResponse<String> token = http.send("POST", "/oauth2/token", ApiHttp.basic("viewer1", "secret-VIEWER"),
                "application/x-www-form-urlencoded", "grant_type=client_credentials");
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode body = json(token);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        String bearer = "Bearer " + body.get("access_token").asString();

        assertThat(http.send("GET", "/actuator/info", bearer, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> write = http.send("POST", "/vnfpkgm/v1/vnf_packages", bearer, "application/json", "{}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(json(write).get("type").asString()).isEqualTo("urn:mano:problem:forbidden");
        assertThat(http.send("GET", "/users", bearer, null, null).statusCode()).isEqualTo(403);
    }

    @Test
    void clientSecretInTheFormWorksTooAndBadGrantsAreRefusedInOAuthShape() {
        HttpResponse<String> ok = http.send("POST", "/oauth2/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=operator1&client_secret=secret-OPERATOR");
        assertThat(ok.statusCode()).isEqualTo(200);

        HttpResponse<String> badSecret = http.send("POST", "/oauth2/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=operator1&client_secret=wrong");
        assertThat(badSecret.statusCode()).isEqualTo(401);
        assertThat(json(badSecret).get("error").asString()).isEqualTo("invalid_client");

        HttpResponse<String> badGrant = http.send("POST", "/oauth2/token", null, "application/x-www-form-urlencoded",
                "grant_type=password&username=admin&password=test-admin-password");
        assertThat(badGrant.statusCode()).isEqualTo(400);
        assertThat(json(badGrant).get("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void aForgedTokenIsRejected() {
        String forged = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJtYW5vIiwic3ViIjoiYWRtaW4iLCJyb2xlcyI6WyJST0xFX0FETUlOIl0sImV4cCI6NDEwMjQ0NDgwMH0.c2lnbmF0dXJlLW5vdC12YWxpZA";
        HttpResponse<String> r = http.send("GET", "/users", forged, null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("type").asString()).isEqualTo("urn:mano:problem:invalid-token");
        assertThat(json(r).get("detail").asString()).contains("request a new one");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
    }

    @Test
    void usersAreAdministeredByTheAdminOnly() {
        HttpResponse<String> dup = http.send("POST", "/users", ADMIN, "application/json",
                "{\"username\":\"viewer1\",\"password\":\"whatever-123\",\"role\":\"VIEWER\"}");
        assertThat(dup.statusCode()).isEqualTo(409);
        HttpResponse<String> bad = http.send("POST", "/users", ADMIN, "application/json",
                "{\"username\":\"x y\",\"password\":\"short\",\"role\":\"GOD\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(http.send("POST", "/users", ApiHttp.basic("operator1", "secret-OPERATOR"), "application/json",
                "{\"username\":\"sneaky\",\"password\":\"whatever-123\",\"role\":\"ADMIN\"}").statusCode()).isEqualTo(403);
        assertThat(http.send("DELETE", "/users/admin", ADMIN, null, null).statusCode()).isEqualTo(409);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JsonMapper.builder().build().readTree(r.body());
    }
}
