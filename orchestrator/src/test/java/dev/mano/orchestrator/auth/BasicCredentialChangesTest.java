package dev.mano.orchestrator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mano.orchestrator.ApiHttp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * HTTP Basic checks are remembered (VerifiedPasswords), yet a removed user, a new password and a
 * new role take effect on the very next request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BasicCredentialChangesTest {
    static final String ADMIN = ApiHttp.basic("admin", "test-admin-password");
    @LocalServerPort int port;

    @Test
    void removingAUserOrChangingItsPasswordOrRoleTakesEffectOnTheNextRequest() {
        ApiHttp http = new ApiHttp(port);
        String name = "basic-" + UUID.randomUUID().toString().substring(0, 8);
        String first = ApiHttp.basic(name, "first-secret");
        String second = ApiHttp.basic(name, "second-secret");

        create(http, name, "first-secret", "VIEWER");
        assertThat(status(http, "GET", first)).isEqualTo(200);
        assertThat(status(http, "GET", first)).isEqualTo(200); // remembered: no second BCrypt check
        assertThat(status(http, "POST", first)).isEqualTo(403);

        delete(http, name);
        assertThat(status(http, "GET", first)).isEqualTo(401);

        create(http, name, "second-secret", "VIEWER");
        assertThat(status(http, "GET", first)).isEqualTo(401);
        assertThat(status(http, "GET", second)).isEqualTo(200);

        delete(http, name);
        create(http, name, "second-secret", "OPERATOR");
        assertThat(status(http, "POST", second)).isNotIn(401, 403);
    }

    private static int status(ApiHttp http, String method, String basic) {
        return method.equals("GET")
                ? http.send("GET", "/nslcm/v1/ns_instances", basic, null, null).statusCode()
                : http.send("POST", "/nslcm/v1/ns_instances", basic, "application/json", "{}").statusCode();
    }

    private static void create(ApiHttp http, String name, String password, String role) {
        assertThat(http.send("POST", "/users", ADMIN, "application/json",
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}").statusCode())
                .isEqualTo(201);
    }

    private static void delete(ApiHttp http, String name) {
        assertThat(http.send("DELETE", "/users/" + name, ADMIN, null, null).statusCode()).isIn(200, 204);
    }
}
