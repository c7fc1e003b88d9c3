package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.eal.NativeMemory;

/**
 * The Internet checksum (RFC 1071) over packet memory by absolute address, and its incremental
 * update (RFC 1624, eqn. 3: HC' = ~(~HC + ~m + m')) used when a VNF rewrites a field: a router's TTL,
 * a NAT's address and port. All arithmetic is on ints: no allocation.
 */
public final class Checksum {
    private Checksum() {
    }

    /** One's complement sum of {@code length} bytes at {@code address}, not folded, not inverted. */
    public static long sum(long address, int length) {
        long sum = 0;
        int i = 0;
        for (; i + 1 < length; i += 2) {
            sum += NativeMemory.getShortBigEndian(address + i);
        }
        if (i < length) {
            sum += (NativeMemory.getByte(address + i) & 0xFF) << 8;
        }
        return sum;
    }

    public static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The checksum field value for these bytes (field itself must be zero or skipped by the caller). */
    public static int of(long address, int length) {
        return ~fold(sum(address, length)) & 0xFFFF;
    }

    /** The checksum after one 16-bit word of the covered data changed from {@code old} to {@code now}. */
    public static int update16(int checksum, int old, int now) {
        int sum = (~checksum & 0xFFFF) + (~old & 0xFFFF) + (now & 0xFFFF);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return ~sum & 0xFFFF;
    }

    /** The checksum after a 32-bit value (an address) of the covered data changed. */
    public static int update32(int checksum, int old, int now) {
        return update16(update16(checksum, old >>> 16, now >>> 16), old & 0xFFFF, now & 0xFFFF);
    }

    /** The IPv4 pseudo-header sum for TCP/UDP checksums: addresses, protocol and L4 length. */
    public static long pseudoHeaderSum(int source, int destination, int protocol, int l4Length) {
        return (source >>> 16) + (source & 0xFFFF) + (destination >>> 16) + (destination & 0xFFFF) + protocol + l4Length;
    }
}
