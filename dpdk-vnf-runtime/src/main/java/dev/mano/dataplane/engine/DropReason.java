package dev.mano.dataplane.engine;

/** Why the engine dropped a packet; counted per lcore. */
public enum DropReason {
    /** The tx queue was full: the PMD took fewer packets than offered. */
    TX_FULL,
    /** A header was truncated or inconsistent. */
    MALFORMED,
    /** No route or forwarding entry for the destination. */
    NO_ROUTE,
    /** IPv4 TTL reached zero. */
    TTL_EXCEEDED,
    /** A filtering rule denied the packet. */
    FILTERED,
    /** A stage dropped it for a reason of its own. */
    OTHER;

    private static final DropReason[] VALUES = values();

    static DropReason of(int ordinal) {
        return VALUES[ordinal];
    }
}
