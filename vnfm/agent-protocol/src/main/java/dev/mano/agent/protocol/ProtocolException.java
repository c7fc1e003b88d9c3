package dev.mano.agent.protocol;

/**
 * A line that cannot be understood as an agent message: bad JSON, a line too long, an
 * unknown op, a missing or mistyped field. Receivers drop such a line and carry on.
 */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }
}
