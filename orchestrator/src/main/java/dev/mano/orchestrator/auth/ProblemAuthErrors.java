package dev.mano.orchestrator.auth;

import dev.mano.orchestrator.api.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** 401 and 403 as problem details, like every other error of the API. */
@Component
class ProblemAuthErrors implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final ObjectMapper json;

    ProblemAuthErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InvalidBearerTokenException) {
            // RFC 6750 §3: a refused token is answered with error="invalid_token"; the detail says
            // why when we know it (the account changed), so the client fetches a new token.
            String detail = e instanceof RefusedToken refused ? refused.reason().detail
                    : "the bearer token is malformed, not signed by this orchestrator or expired; request a new one from POST /oauth2/token";
            response.setHeader("WWW-Authenticate",
                    "Bearer realm=\"mano\", error=\"invalid_token\", error_description=\"" + detail + "\"");
            ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "invalid-token", "Bearer token refused", detail);
            if (e instanceof RefusedToken refused) problem.setProperty("reason", refused.reason().slug);
            write(response, HttpStatus.UNAUTHORIZED, problem);
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"mano\", Bearer realm=\"mano\"");
        write(response, HttpStatus.UNAUTHORIZED, problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Authentication required", "Send HTTP Basic credentials or a bearer token from POST /oauth2/token"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                "Your role may not " + request.getMethod() + " " + request.getRequestURI()));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(title);
        return problem;
    }

    private void write(HttpServletResponse response, HttpStatus status, ProblemDetail problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
