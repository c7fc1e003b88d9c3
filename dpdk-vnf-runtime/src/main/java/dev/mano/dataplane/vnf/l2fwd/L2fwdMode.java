package dev.mano.dataplane.vnf.l2fwd;

/** How l2fwd rewrites the Ethernet header of every packet it forwards. */
public enum L2fwdMode {
    /** Swap source and destination MAC (testpmd's macswap): the packet goes back where it came from. */
    MACSWAP,
    /** Destination = the peer MAC of the out port, source = the out port's own MAC (DPDK's l2fwd example). */
    REWRITE
}
