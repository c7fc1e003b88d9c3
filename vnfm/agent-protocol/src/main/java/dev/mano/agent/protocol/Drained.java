package dev.mano.agent.protocol;

/** The VNF has finished draining and can be removed without cutting flows. */
public record Drained() implements AgentMessage.FromAgent {
}
