package dev.mano.agent.protocol;

/** Stop taking new flows and let existing ones finish; answered by {@link Drained}. Sent before scale-in. */
public record Drain() implements AgentMessage.ToAgent {
}
