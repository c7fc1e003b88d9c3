package dev.mano.orchestrator.chainswitch;

import dev.mano.orchestrator.hosts.HostRef;
import java.util.Optional;

/**
 * The host-side process that realises VHOST_USER chain links. Two QEMUs cannot speak vhost-user to each other
 * (both are frontends), so for every such link the switch serves two vhost-user sockets, one per VM NIC, and
 * passes frames between them unchanged. QEMU is the client of its socket and reconnects, so a VM may be healed
 * (redefined, restarted) and the switch restarted without rewiring anything.
 */
public interface ChainSwitch {
    /** Empty when this host's links can be joined by a switch; otherwise why not (the link then falls back to a bridge). */
    Optional<String> unavailable(HostRef host);

    /** The sockets of segment {@code id}: a pure function of the id, so a heal or a restart finds the same paths. */
    SwitchSegment segment(String id);

    /**
     * Makes the host's switch carry the segment (idempotent) and returns once both of its sockets accept
     * connections.
     *
     * @throws SwitchFailure when the switch does not come up with the segment
     */
    void attach(HostRef host, SwitchSegment segment);

    /** Stops carrying the segment (idempotent); the switch stops when it carries none. */
    void detach(HostRef host, String segmentId);
}
