package dev.mano.dataplane.vnf.lb;

import dev.mano.dataplane.packet.MacAddress;

/**
 * A real server behind a virtual IP. The LB forwards in direct server return mode: the packet keeps
 * its IP header (the backend owns the VIP on a loopback) and is sent to the backend's MAC.
 * Unhealthy backends get no share of the lookup table.
 */
public record Backend(String name, MacAddress mac, boolean healthy) {
    public Backend {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a backend needs a name (Maglev hashes it to place the backend)");
        }
    }

    public Backend withHealth(boolean up) {
        return new Backend(name, mac, up);
    }
}
