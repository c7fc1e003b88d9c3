package dev.mano.dataplane.vnf.firewall;

/** Why the firewall dropped a packet. */
public enum FirewallDrop {
    NOT_IPV4, TRUNCATED, BAD_HEADER,
    /** A non-first fragment: no ports to classify or track (reassembly is out of scope). */
    FRAGMENT,
    /** A rule denied the first packet of a connection, or no rule matched and the default is deny. */
    DENIED,
    /** A TCP packet other than a SYN with no tracked connection. */
    NO_CONNECTION,
    /** The connection table is full. */
    TABLE_FULL
}
