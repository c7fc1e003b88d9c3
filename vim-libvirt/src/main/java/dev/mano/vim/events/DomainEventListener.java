package dev.mano.vim.events;

/**
 * Receives domain lifecycle events. Called on libvirt's event loop thread, shared by every host: return quickly
 * and do no libvirt calls here (hand the event to your own executor).
 */
@FunctionalInterface
public interface DomainEventListener {
    void onEvent(DomainLifecycleEvent event);
}
