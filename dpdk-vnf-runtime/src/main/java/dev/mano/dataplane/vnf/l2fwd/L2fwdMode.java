package dev.mano.dataplane.vnf.l2fwd;

/** How l2fwd rewrites the Ethernet header of every packet it forwards. */
public enum L2fwdMode {
    /** Swap source and destination MAC (testpmd's macswap): the packet goes back where it came from. */
    MACSWAP,
    /** Destination = the peer MAC of the out port, source = the out port's own MAC (DPDK's l2fwd example). */
    REWRITE,
    /**
     * Leave the frame as it is (testpmd's io forward mode): a patch panel between the two ports of a
     * pair. The host-side chain switch runs this between the vhost-user ports of two VMs.
     */
    PATCH
}
