package dev.mano.dataplane.agent;

import java.io.Closeable;
import java.io.IOException;

/** Where the agent meets the VNFM. */
sealed interface AgentTransport extends Closeable permits TcpTransport, SerialTransport {

    /**
     * Blocks until the next link to the VNFM is open. Called again after each link ends.
     *
     * @throws IOException when the transport is closed or broken for good
     */
    AgentLink next() throws IOException;

    /** For log lines. */
    String describe();
}
