package dev.mano.dataplane.vnf.upf;

/** Why the UPF dropped a packet. */
public enum UpfDrop {
    NOT_IPV4, TRUNCATED, BAD_HEADER,
    /** On N3 but not UDP to port 2152. */
    NOT_GTPU,
    /** A GTP-U message other than a G-PDU (echo, error indication, end marker): not handled here. */
    GTPU_SIGNALLING,
    /** A GTP-U header or the packet inside it is malformed. */
    BAD_GTPU,
    /** No session has this uplink TEID. */
    UNKNOWN_TEID,
    /** The inner source is not the session's UE address. */
    UE_ADDRESS_MISMATCH,
    /** On N6, to an address no session holds. */
    UNKNOWN_UE,
    /** Not enough mbuf headroom for the 36 bytes of outer IPv4 + UDP + GTP-U. */
    NO_HEADROOM,
    /** A fragmented outer packet or a chained mbuf: out of scope. */
    UNSUPPORTED
}
