package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.vnf.router.Ipv4Address;

/**
 * One ordered 5-tuple rule: source and destination prefixes, protocol (-1 = any), port ranges
 * (inclusive; 0..65535 = any), and what to do with a matching packet that starts a connection.
 */
public record AclRule(String id, int sourcePrefix, int sourceLength, int destinationPrefix, int destinationLength,
                      int protocol, int sourcePortLow, int sourcePortHigh, int destinationPortLow,
                      int destinationPortHigh, Action action) {

    public enum Action { ALLOW, DENY }

    public AclRule {
        sourcePrefix &= Ipv4Address.mask(sourceLength);
        destinationPrefix &= Ipv4Address.mask(destinationLength);
        if (protocol < -1 || protocol > 255) {
            throw new IllegalArgumentException("rule " + id + ": protocol must be 0..255 or any");
        }
        checkRange(id, sourcePortLow, sourcePortHigh);
        checkRange(id, destinationPortLow, destinationPortHigh);
    }

    private static void checkRange(String id, int low, int high) {
        if (low < 0 || high > 65535 || low > high) {
            throw new IllegalArgumentException("rule " + id + ": port range " + low + "-" + high + " is not within 0-65535");
        }
    }

    /** The same matching logic as the compiled classifier, on the heap: the reference for tests. */
    public boolean matches(int source, int destination, int proto, int sourcePort, int destinationPort) {
        return (source & Ipv4Address.mask(sourceLength)) == sourcePrefix
                && (destination & Ipv4Address.mask(destinationLength)) == destinationPrefix
                && (protocol == -1 || protocol == proto)
                && sourcePort >= sourcePortLow && sourcePort <= sourcePortHigh
                && destinationPort >= destinationPortLow && destinationPort <= destinationPortHigh;
    }
}
