package dev.mano.vim.events;

/**
 * Receives domain lifecycle events. Called on libvirt's event loop thread, shared by every host: return quickly
 * and do no libvirt calls here (hand the event to your own executor).
 */
@FunctionalInterface
public interface DomainEventListener {
    void onEvent(DomainLifecycleEvent event);

    /**
     * The subscription's connection to the host was lost (libvirtd went away, keepalive timed out, the host was
     * unreachable); no more events come from it: open a new subscription when the host is back.
     *
     * @param reason libvirt's close reason: EOF, KEEPALIVE, ERROR, CLIENT or UNKNOWN
     */
    default void onConnectionClosed(String hostUri, String reason) {
    }
}
