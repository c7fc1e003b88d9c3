package dev.mano.dataplane.vnf.router;

/** Why the router dropped a packet. */
public enum RouterDrop {
    NOT_IPV4, TRUNCATED, BAD_HEADER, TTL_EXCEEDED, NO_ROUTE,
    /** The next hop sits behind a port this worker's queue does not transmit on. */
    OTHER_EGRESS_PORT
}
