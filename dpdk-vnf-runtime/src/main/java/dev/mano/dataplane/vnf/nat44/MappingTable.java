package dev.mano.dataplane.vnf.nat44;

import dev.mano.dataplane.vnf.firewall.ConnectionTable;

/**
 * Endpoint-independent mappings (RFC 4787): one entry per (protocol, inside address, inside port),
 * whatever the destination, kept in two connection tables so both directions find it with one probe:
 * outbound by the inside endpoint, inbound by the external endpoint. The outbound entry carries the
 * idle deadline; the inbound one lives exactly as long. Endpoints are packed as {@code address << 16 | port}.
 */
final class MappingTable implements AutoCloseable {
    static final int STATIC = 1;

    private final ConnectionTable outbound;
    private final ConnectionTable inbound;

    MappingTable(int capacity) {
        this.outbound = new ConnectionTable(capacity);
        this.inbound = new ConnectionTable(capacity);
    }

    static long endpoint(int address, int port) {
        return Integer.toUnsignedLong(address) << 16 | port;
    }

    /** Slot of the mapping for this inside endpoint in the outbound table, or MISSING. */
    int findOutbound(int protocol, int address, int port) {
        return outbound.find(address, 0, port, protocol);
    }

    /** Slot of the mapping for this external endpoint in the inbound table, or MISSING. */
    int findInbound(int protocol, int address, int port) {
        return inbound.find(address, 0, port, protocol);
    }

    /** The hash of an endpoint's key in either table. */
    static int hash(int protocol, int address, int port) {
        return ConnectionTable.hash(address, 0, port, protocol);
    }

    /** Loads the home slot of an endpoint's mapping by its {@link #hash} (see {@link ConnectionTable#touch(int)}). */
    long touch(boolean outboundTable, int hash) {
        return (outboundTable ? outbound : inbound).touch(hash);
    }

    int findOutbound(int hash, int protocol, int address, int port) {
        return outbound.find(hash, address, 0, port, protocol);
    }

    int findInbound(int hash, int protocol, int address, int port) {
        return inbound.find(hash, address, 0, port, protocol);
    }

    long external(int outboundSlot) {
        return outbound.value(outboundSlot);
    }

    long internal(int inboundSlot) {
        return inbound.value(inboundSlot);
    }

    /** Adds both directions; false (and nothing added) when either table is full. */
    boolean add(int protocol, long internal, long external, long expiresAt, boolean isStatic) {
        int out = outbound.insert((int) (internal >>> 16), 0, (int) (internal & 0xFFFF), protocol, expiresAt);
        if (out < 0) {
            return false;
        }
        int in = inbound.insert((int) (external >>> 16), 0, (int) (external & 0xFFFF), protocol, Long.MAX_VALUE);
        if (in < 0) {
            outbound.remove(out);
            return false;
        }
        outbound.setValue(out, external);
        inbound.setValue(in, internal);
        if (isStatic) {
            outbound.setFlags(out, STATIC);
        }
        return true;
    }

    void refresh(int outboundSlot, long expiresAt) {
        if (outbound.flags(outboundSlot) != STATIC) {
            outbound.setExpiresAt(outboundSlot, expiresAt);
        }
    }

    /** An expired outbound slot or MISSING; see {@link ConnectionTable#nextExpired}. */
    int nextExpired(long now, int budget) {
        return outbound.nextExpired(now, budget);
    }

    int protocol(int outboundSlot) {
        return outbound.protocol(outboundSlot);
    }

    /** Removes the mapping whose outbound entry is in this slot. */
    void remove(int outboundSlot) {
        long external = outbound.value(outboundSlot);
        int in = inbound.find((int) (external >>> 16), 0, (int) (external & 0xFFFF), outbound.protocol(outboundSlot));
        if (in >= 0) {
            inbound.remove(in);
        }
        outbound.remove(outboundSlot);
    }

    int size() {
        return outbound.size();
    }

    @Override
    public void close() {
        outbound.close();
        inbound.close();
    }
}
