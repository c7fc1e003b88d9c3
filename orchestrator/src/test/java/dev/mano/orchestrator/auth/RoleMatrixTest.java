package dev.mano.orchestrator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mano.orchestrator.ApiHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint the application maps, with each role and anonymously, and checks who is
 * let through: anonymous nowhere but the public paths; VIEWER reads; OPERATOR also writes, except
 * hosts and users; ADMIN everything. "Let through" means neither 401 nor 403 (a 404 for the
 * made-up id in the path is fine: authorization happened first).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleMatrixTest {
    static final Set<String> PUBLIC = Set.of("/oauth2/token", "/error");
    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Endpoint(String method, String path) {}

    @Test
    void everyEndpointAllowsExactlyTheRolesItShould() {
        ApiHttp api = new ApiHttp(port);
        for (String[] u : new String[][] {{"viewer-m", "VIEWER"}, {"operator-m", "OPERATOR"}}) {
            api.send("POST", "/users", AuthenticationTest.ADMIN, "application/json",
                    "{\"username\":\"" + u[0] + "\",\"password\":\"matrix-password\",\"role\":\"" + u[1] + "\"}");
        }
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the mapped endpoints").hasSizeGreaterThan(40);
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            boolean isPublic = PUBLIC.contains(e.path());
            boolean read = e.method().equals("GET");
            boolean adminOnly = e.path().startsWith("/users") || (!read && e.path().startsWith("/vim/"));
            check(wrong, e, "anonymous", null, isPublic);
            check(wrong, e, "viewer", ApiHttp.basic("viewer-m", "matrix-password"), isPublic || (read && !adminOnly));
            check(wrong, e, "operator", ApiHttp.basic("operator-m", "matrix-password"), isPublic || !adminOnly);
            check(wrong, e, "admin", AuthenticationTest.ADMIN, true);
        }
        assertThat(wrong).as("endpoints whose access is wrong").isEmpty();
    }

    private void check(List<String> wrong, Endpoint e, String who, String authorization, boolean allowed) {
        int status = status(e, authorization);
        boolean letThrough = status != 401 && status != 403;
        if (letThrough != allowed) {
            wrong.add(e.method() + " " + e.path() + " as " + who + ": " + status + (allowed ? " (should be allowed)" : " (should be refused)"));
        }
    }

    /** Sends the request and reads only the status: streams (SSE) stay open, so the body is not awaited. */
    private int status(Endpoint e, String authorization) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + e.path()))
                .timeout(Duration.ofSeconds(5))
                .method(e.method(), e.method().equals("GET") || e.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (authorization != null) r.header("Authorization", authorization);
        try {
            HttpResponse<InputStream> response = http.send(r.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream ignored = response.body()) {
                return response.statusCode();
            }
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(e + ": " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Every (method, path) the MVC layer maps, with path variables filled by a random id. */
    private List<Endpoint> endpoints() {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> out = new ArrayList<>();
        String id = UUID.randomUUID().toString();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dev.mano")) return;
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{\\*?[^}]+}", id);
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (seen.add(m.name() + " " + path)) out.add(new Endpoint(m.name(), path));
                }
            }
        });
        out.add(new Endpoint("GET", "/actuator/prometheus"));
        out.add(new Endpoint("GET", "/actuator/metrics"));
        return out;
    }
}
