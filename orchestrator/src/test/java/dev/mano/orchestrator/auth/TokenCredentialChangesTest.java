package dev.mano.orchestrator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.mano.orchestrator.ApiHttp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens are remembered once verified (VerifiedTokens), yet a deleted user, a new role and
 * a new password refuse every token issued before the change on the very next request, with a
 * problem detail that says why, while a token requested afterwards works (with the new role).
 * The same configuration as BasicCredentialChangesTest, so Spring reuses its context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenCredentialChangesTest {
    static final String ADMIN = ApiHttp.basic("admin", "test-admin-password");
    static final String PATH = "/nslcm/v1/ns_instances";
    @LocalServerPort int port;
    @Autowired TokenSigningKey signingKey;
    ApiHttp http;
    String name;

    @BeforeEach
    void setUp() {
        http = new ApiHttp(port);
        name = "token-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void deletingTheUserRefusesItsTokenAtOnceAndARecreatedNamesakeDoesNotReviveIt() {
        create("first-secret", "VIEWER");
        String old = token("first-secret");
        assertThat(get(old).statusCode()).isEqualTo(200);
        assertThat(get(old).statusCode()).isEqualTo(200); // the signature check is remembered now

        delete();
        assertRefused(get(old), "account-deleted", "no longer exists");

        create("first-secret", "VIEWER"); // same name, same password: a different account
        assertRefused(get(old), "account-deleted", "no longer exists");
        assertThat(get(token("first-secret")).statusCode()).isEqualTo(200);
    }

    @Test
    void demotingOrPromotingRefusesTheOldTokenAndANewOneCarriesTheNewRole() {
        create("op-secret-1", "OPERATOR");
        String operator = token("op-secret-1");
        assertThat(post(operator).statusCode()).isNotIn(401, 403);

        assertThat(change("{\"role\":\"VIEWER\"}").statusCode()).isEqualTo(200);
        assertRefused(get(operator), "role-changed", "role changed");
        assertRefused(post(operator), "role-changed", "role changed");
        String viewer = token("op-secret-1");
        assertThat(get(viewer).statusCode()).isEqualTo(200);
        assertThat(post(viewer).statusCode()).isEqualTo(403);

        assertThat(change("{\"role\":\"VIEWER\"}").statusCode()).isEqualTo(200); // no change: tokens stay good
        assertThat(get(viewer).statusCode()).isEqualTo(200);

        assertThat(change("{\"role\":\"OPERATOR\"}").statusCode()).isEqualTo(200);
        assertRefused(get(viewer), "role-changed", "role changed");
        assertThat(post(token("op-secret-1")).statusCode()).isNotIn(401, 403);
    }

    @Test
    void aNewPasswordRefusesTokensIssuedBeforeItEvenInTheSameSecond() {
        create("old-password", "VIEWER");
        String old = token("old-password");
        assertThat(get(old).statusCode()).isEqualTo(200);

        assertThat(change("{\"password\":\"new-password\"}").statusCode()).isEqualTo(200);
        assertRefused(get(old), "credentials-changed", "issued before the account's credentials changed");
        assertThat(http.send("POST", "/oauth2/token", ApiHttp.basic(name, "old-password"),
                "application/x-www-form-urlencoded", "grant_type=client_credentials").statusCode()).isEqualTo(401);
        String fresh = token("new-password");
        assertThat(get(fresh).statusCode()).isEqualTo(200);
        assertThat(http.send("GET", PATH, ApiHttp.basic(name, "new-password"), null, null).statusCode()).isEqualTo(200);

        // The same password again is still a change: whoever held the tokens loses them.
        assertThat(change("{\"password\":\"new-password\"}").statusCode()).isEqualTo(200);
        assertRefused(get(fresh), "credentials-changed", "credentials changed");
    }

    @Test
    void aSignedTokenThatNamesNoAccountIsRefused() {
        create("some-secret", "VIEWER");
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(TokenIssuer.ISSUER).subject(name)
                .issuedAt(now).expiresAt(now.plusSeconds(600)).claim("roles", List.of("ROLE_VIEWER")).build();
        String legacy = "Bearer " + new NimbusJwtEncoder(new ImmutableSecret<>(signingKey.key()))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        assertRefused(http.send("GET", PATH, legacy, null, null), "no-account", "does not name its account");
    }

    @Test
    void changesAreCheckedAndTheBuiltInAdminKeepsItsRole() {
        create("valid-secret", "VIEWER");
        assertThat(change("{}").statusCode()).isEqualTo(400);
        assertThat(change("{\"password\":\"short\"}").statusCode()).isEqualTo(400);
        assertThat(change("{\"password\":\"          \"}").statusCode()).isEqualTo(400);
        assertThat(change("{\"role\":\"GOD\"}").statusCode()).isEqualTo(400);
        assertThat(http.send("PATCH", "/users/nobody-" + name, ADMIN, "application/json", "{\"role\":\"VIEWER\"}")
                .statusCode()).isEqualTo(404);
        HttpResponse<String> demoteAdmin = http.send("PATCH", "/users/admin", ADMIN, "application/json", "{\"role\":\"VIEWER\"}");
        assertThat(demoteAdmin.statusCode()).isEqualTo(409);
        assertThat(http.send("GET", "/users", ADMIN, null, null).statusCode()).isEqualTo(200);
        assertThat(http.send("PATCH", "/users/" + name, ApiHttp.basic(name, "valid-secret"), "application/json",
                "{\"role\":\"ADMIN\"}").statusCode()).isEqualTo(403);
    }

    private void assertRefused(HttpResponse<String> r, String reason, String detailPart) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
        JsonNode problem = JsonMapper.builder().build().readTree(r.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:mano:problem:invalid-token");
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("detail").asString()).contains(detailPart);
    }

    private String token(String password) {
        HttpResponse<String> r = http.send("POST", "/oauth2/token", ApiHttp.basic(name, password),
                "application/x-www-form-urlencoded", "grant_type=client_credentials");
        assertThat(r.statusCode()).isEqualTo(200);
        return "Bearer " + JsonMapper.builder().build().readTree(r.body()).get("access_token").asString();
    }

    private HttpResponse<String> get(String bearer) {
        return http.send("GET", PATH, bearer, null, null);
    }

    private HttpResponse<String> post(String bearer) {
        return http.send("POST", PATH, bearer, "application/json", "{}");
    }

    private HttpResponse<String> change(String body) {
        return http.send("PATCH", "/users/" + name, ADMIN, "application/json", body);
    }

    private void create(String password, String role) {
        assertThat(http.send("POST", "/users", ADMIN, "application/json",
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}").statusCode())
                .isEqualTo(201);
    }

    private void delete() {
        assertThat(http.send("DELETE", "/users/" + name, ADMIN, null, null).statusCode()).isEqualTo(204);
    }
}
