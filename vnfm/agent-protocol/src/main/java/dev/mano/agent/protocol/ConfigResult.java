package dev.mano.agent.protocol;

import java.util.Objects;

/** The outcome of the {@link ConfigApply} with the same id; {@code error} is null when ok. */
public record ConfigResult(String id, boolean ok, String error) implements AgentMessage.FromAgent {
    public ConfigResult {
        Objects.requireNonNull(id, "id");
        if (ok == (error != null)) {
            throw new IllegalArgumentException("error must be present exactly when ok is false");
        }
    }

    public static ConfigResult success(String id) {
        return new ConfigResult(id, true, null);
    }

    public static ConfigResult failure(String id, String error) {
        return new ConfigResult(id, false, error);
    }
}
