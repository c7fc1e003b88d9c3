package dev.mano.agent.protocol.json;

import dev.mano.agent.protocol.ProtocolException;

/** Input that is not JSON, or exceeds a {@link JsonLimits} bound; says what and where. */
public final class JsonSyntaxException extends ProtocolException {

    private final int offset;

    public JsonSyntaxException(String reason, int offset) {
        super("JSON error at offset " + offset + ": " + reason);
        this.offset = offset;
    }

    /** Index of the offending character in the parsed text. */
    public int offset() {
        return offset;
    }
}
