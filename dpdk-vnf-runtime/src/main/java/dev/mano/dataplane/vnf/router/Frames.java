package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.eal.NativeMemory;
import dev.mano.dataplane.packet.Ethernet;

/**
 * Finds and validates the IPv4 header of an Ethernet frame (untagged or with one 802.1Q tag) within the
 * bytes the mbuf's first segment holds, so no stage ever reads past them. The RFC 1812 checks
 * DPDK's l3fwd does: version 4, header length at least 20, total length covering the header and not
 * beyond the frame. The header checksum is left to NIC offload flags or the caller.
 */
public final class Frames {
    public static final int NOT_IPV4 = -1;
    public static final int TRUNCATED = -2;
    public static final int BAD_HEADER = -3;

    private Frames() {
    }

    /** Offset of the IPv4 header from the frame start, or one of the negative codes above. */
    public static int ipv4Offset(long frame, int length) {
        if (length < Ethernet.HEADER_LENGTH) {
            return TRUNCATED;
        }
        int offset = Ethernet.HEADER_LENGTH;
        int type = Ethernet.etherType(frame);
        if (type == Ethernet.TYPE_VLAN) {
            if (length < Ethernet.HEADER_LENGTH + 4) {
                return TRUNCATED;
            }
            type = NativeMemory.getShortBigEndian(frame + 16);
            offset += 4;
        }
        if (type != Ethernet.TYPE_IPV4) {
            return NOT_IPV4;
        }
        if (length < offset + 20) {
            return TRUNCATED;
        }
        int versionIhl = NativeMemory.getByte(frame + offset) & 0xFF;
        if ((versionIhl >>> 4) != 4 || (versionIhl & 0x0F) < 5) {
            return BAD_HEADER;
        }
        int headerLength = (versionIhl & 0x0F) * 4;
        int total = NativeMemory.getShortBigEndian(frame + offset + 2);
        if (total < headerLength || offset + total > length) {
            return BAD_HEADER;
        }
        return offset;
    }

    /** True for a fragment other than the first (it carries no L4 header). */
    public static boolean laterFragment(long ip) {
        return (NativeMemory.getShortBigEndian(ip + 6) & 0x1FFF) != 0;
    }

    /** True for any fragment (first ones included): MF set or offset non-zero. */
    public static boolean fragment(long ip) {
        return (NativeMemory.getShortBigEndian(ip + 6) & 0x3FFF) != 0;
    }

    /**
     * The flow's port pair as {@code sport << 16 | dport} for TCP and UDP, {@code id << 16 | id} for
     * ICMP echo request and reply (so both directions carry the same pair), 0 for other ICMP types and
     * other protocols; -1 when the L4 header does not fit in the IP total length.
     */
    public static long ports(long ip) {
        int headerLength = (NativeMemory.getByte(ip) & 0x0F) * 4;
        int l4Length = NativeMemory.getShortBigEndian(ip + 2) - headerLength;
        long l4 = ip + headerLength;
        switch (NativeMemory.getByte(ip + 9)) {
            case 6 -> {
                if (l4Length < 20) {
                    return -1;
                }
                return Integer.toUnsignedLong(NativeMemory.getIntBigEndian(l4));
            }
            case 17 -> {
                if (l4Length < 8) {
                    return -1;
                }
                return Integer.toUnsignedLong(NativeMemory.getIntBigEndian(l4));
            }
            case 1 -> {
                if (l4Length < 8) {
                    return -1;
                }
                int type = NativeMemory.getByte(l4) & 0xFF;
                if (type == 0 || type == 8) {
                    int id = NativeMemory.getShortBigEndian(l4 + 4);
                    return Integer.toUnsignedLong(id << 16 | id);
                }
                return 0;
            }
            default -> {
                return 0;
            }
        }
    }

    /** The same port pair seen from the other direction. */
    public static int reversed(int ports) {
        return ports << 16 | ports >>> 16;
    }
}
