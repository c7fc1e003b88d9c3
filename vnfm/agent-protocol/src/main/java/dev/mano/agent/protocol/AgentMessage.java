package dev.mano.agent.protocol;

/**
 * One line of the agent protocol. Split by direction so that each side's dispatch is an
 * exhaustive switch over exactly the messages it can receive.
 */
public sealed interface AgentMessage permits AgentMessage.FromAgent, AgentMessage.ToAgent {

    /** Sent by the agent inside the VNF to the VNFM. */
    sealed interface FromAgent extends AgentMessage permits Hello, Heartbeat, ConfigResult, Drained {
    }

    /** Sent by the VNFM to the agent. */
    sealed interface ToAgent extends AgentMessage permits ConfigApply, Drain, Shutdown {
    }
}
