package dev.mano.cli;

import tools.jackson.databind.JsonNode;

/** A failure the user can act on; printed as one precise message, exit status 1. */
public final class CliError extends RuntimeException {
    CliError(String message) {
        super(message);
    }

    /** Renders RFC 9457 problem details (title, detail and every extension member) as text. */
    static CliError fromResponse(String method, String path, int status, String body) {
        StringBuilder text = new StringBuilder(method + " " + path + " → " + status);
        try {
            JsonNode problem = ApiClient.JSON.readTree(body);
            if (problem.has("title")) text.append(' ').append(problem.get("title").asString());
            if (problem.has("detail")) text.append("\n  ").append(problem.get("detail").asString());
            for (var field : problem.properties()) {
                if (!java.util.Set.of("type", "title", "status", "detail", "instance").contains(field.getKey())) {
                    text.append("\n  ").append(field.getKey()).append(": ").append(field.getValue());
                }
            }
        } catch (RuntimeException notJson) {
            if (body != null && !body.isBlank()) text.append("\n  ").append(body.strip());
        }
        if (status == 401) text.append("\n  (set MANO_USER and MANO_PASSWORD, or --user and --password)");
        return new CliError(text.toString());
    }
}
