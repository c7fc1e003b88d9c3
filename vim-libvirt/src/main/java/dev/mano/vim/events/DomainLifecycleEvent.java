package dev.mano.vim.events;

/**
 * A domain lifecycle event from one host.
 *
 * @param hostUri    the libvirt URI the event came from
 * @param detail     libvirt's detail for the kind, e.g. BOOTED, DESTROYED, SHUTDOWN, FAILED (enum name as libvirt-java
 *                   spells it), or "UNKNOWN"
 */
public record DomainLifecycleEvent(String hostUri, String domainName, String domainUuid, DomainEventKind kind, String detail) {
}
