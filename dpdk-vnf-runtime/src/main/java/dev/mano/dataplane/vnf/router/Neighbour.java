package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.packet.MacAddress;

/** A static neighbour: the port (by name) a next hop sits behind, its MAC, and the MAC we send from on that port. */
public record Neighbour(String name, String port, MacAddress destination, MacAddress source) {
}
