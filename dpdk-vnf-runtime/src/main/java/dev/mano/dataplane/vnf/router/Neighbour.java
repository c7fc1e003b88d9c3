package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.packet.MacAddress;

/** A static neighbour: the port a next hop sits behind, its MAC, and the MAC we send from on that port. */
public record Neighbour(int port, MacAddress destination, MacAddress source) {
    public Neighbour {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
    }
}
