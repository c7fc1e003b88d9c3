package dev.mano.orchestrator.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error the API reports as RFC 9457 problem details. {@code type} is a stable slug
 * (clients switch on it); extra properties (the file, the path in a document, ...) travel
 * as problem extension members.
 */
public class ApiProblem extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist");
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, "Conflict with the current state", detail);
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, "Bad request", detail);
    }

    public static ApiProblem tooLarge(long maxBytes) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large",
                "The upload exceeds the maximum size of " + maxBytes + " bytes");
    }

    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() { return status; }
    public URI typeUri() { return ProblemTypes.uri(type); }
    public String title() { return title; }
    public Map<String, Object> properties() { return properties; }
}
