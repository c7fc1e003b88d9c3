package dev.mano.dataplane.vnf.lb;

/** Why the load balancer dropped a packet. */
public enum LbDrop {
    NOT_IPV4, TRUNCATED, BAD_HEADER,
    /** A non-first fragment: its ports are unknown, so its flow cannot be hashed. */
    FRAGMENT,
    /** Not addressed to any virtual service. */
    NO_SERVICE,
    /** The service has no healthy backend. */
    NO_BACKEND
}
