package dev.mano.agent.protocol;

/** Stop the data plane and exit the runtime cleanly. */
public record Shutdown() implements AgentMessage.ToAgent {
}
