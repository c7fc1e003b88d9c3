package dev.mano.dataplane.vnf.nat44;

/** A static DNAT: traffic to external address:port goes to internal address:port, and replies go back out from external. */
public record StaticMapping(int protocol, int externalAddress, int externalPort, int internalAddress, int internalPort) {
    public StaticMapping {
        PortAllocator.protocolIndex(protocol);
        if (externalPort < 0 || externalPort > 65535 || internalPort < 0 || internalPort > 65535) {
            throw new IllegalArgumentException("ports must be 0..65535");
        }
    }
}
