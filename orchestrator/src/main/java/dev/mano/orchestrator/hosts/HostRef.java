package dev.mano.orchestrator.hosts;

import java.util.UUID;

/** What the lifecycle needs to reach a host: cheaper than the full {@link HostView} with its topology. */
public record HostRef(UUID id, String name, String libvirtUri, boolean kvm) {
    /** A host of libvirt's test driver: simulated, it runs no guests. */
    public boolean simulated() {
        return libvirtUri.startsWith("test:");
    }
}
