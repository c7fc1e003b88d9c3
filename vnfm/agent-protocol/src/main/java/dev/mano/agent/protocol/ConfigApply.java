package dev.mano.agent.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * Asks the VNF to apply configuration; answered by a {@link ConfigResult} with the same id.
 * Values are strings so each VNF parses its own keys (routes, rules, pools) its own way.
 */
public record ConfigApply(String id, Map<String, String> config) implements AgentMessage.ToAgent {
    public ConfigApply {
        Objects.requireNonNull(id, "id");
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    }
}
