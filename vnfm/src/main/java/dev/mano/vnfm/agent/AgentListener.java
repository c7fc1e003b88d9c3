package dev.mano.vnfm.agent;

import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;
import dev.mano.vnfm.VnfcRef;

import java.time.Instant;

/**
 * Receives what agents report. Called on the connection's reader thread: keep it quick.
 * An exception thrown here is logged and does not affect the connection or other listeners.
 */
public interface AgentListener {

    default void onHello(VnfcRef vnfc, Hello hello, Instant at) {
    }

    default void onHeartbeat(VnfcRef vnfc, Heartbeat heartbeat, Instant at) {
    }

    /** The link broke or could not be opened; the connection keeps retrying. */
    default void onLinkDown(VnfcRef vnfc, String reason) {
    }
}
