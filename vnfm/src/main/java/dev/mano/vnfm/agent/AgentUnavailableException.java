package dev.mano.vnfm.agent;

/** A command could not be delivered or answered: the agent is not connected or went away. */
public final class AgentUnavailableException extends RuntimeException {
    public AgentUnavailableException(String message) {
        super(message);
    }
}
