package dev.mano.dataplane.vnf.nat44;

/** Why the NAT dropped a packet. */
public enum Nat44Drop {
    NOT_IPV4, TRUNCATED, BAD_HEADER,
    /** A non-first fragment: its ports are unknown without reassembly. */
    FRAGMENT,
    /** Neither TCP, UDP nor ICMP. */
    UNSUPPORTED_PROTOCOL,
    /** ICMP other than echo request/reply (error messages are not translated). */
    UNSUPPORTED_ICMP,
    /** From outside, to an external address and port that has no mapping. */
    NO_MAPPING,
    /** No free external port in the pool for a new mapping (also counted in {@link Nat44#exhaustion()}). */
    PORTS_EXHAUSTED,
    /** The mapping table is full. */
    TABLE_FULL
}
