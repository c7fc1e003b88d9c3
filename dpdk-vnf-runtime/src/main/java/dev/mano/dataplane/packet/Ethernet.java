package dev.mano.dataplane.packet;

import static dev.mano.dataplane.eal.NativeMemory.ALL;
import static dev.mano.dataplane.eal.NativeMemory.U16_BE;
import static dev.mano.dataplane.eal.NativeMemory.U32;
import static dev.mano.dataplane.eal.NativeMemory.U64;

/**
 * The Ethernet header at an address (the start of packet data). MAC addresses travel as the low 48
 * bits of a long in wire order read little-endian, i.e. byte 0 of the address is the low byte; use
 * {@link MacAddress} to convert on the control path.
 */
public final class Ethernet {
    public static final int HEADER_LENGTH = 14;
    public static final int TYPE_IPV4 = 0x0800;
    public static final int TYPE_ARP = 0x0806;
    public static final int TYPE_VLAN = 0x8100;
    public static final int TYPE_IPV6 = 0x86DD;
    private static final long MAC_MASK = 0xFFFF_FFFF_FFFFL;

    private Ethernet() {
    }

    public static long destination(long eth) {
        return ALL.get(U64, eth) & MAC_MASK;
    }

    public static long source(long eth) {
        return (ALL.get(U64, eth) >>> 48) | ((ALL.get(U32, eth + 8) & 0xFFFF_FFFFL) << 16);
    }

    public static int etherType(long eth) {
        return ALL.get(U16_BE, eth + 12) & 0xFFFF;
    }

    /** Writes both addresses with one 8-byte and one 4-byte store. */
    public static void setAddresses(long eth, long destination, long source) {
        ALL.set(U64, eth, (destination & MAC_MASK) | (source << 48));
        ALL.set(U32, eth + 8, (int) (source >>> 16));
    }

    public static void setDestination(long eth, long destination) {
        setAddresses(eth, destination, source(eth));
    }

    public static void setSource(long eth, long source) {
        setAddresses(eth, destination(eth), source);
    }

    /** Swaps source and destination in place: 12 bytes through two loads and two stores. */
    public static void swapAddresses(long eth) {
        long first = ALL.get(U64, eth);
        long last = ALL.get(U32, eth + 8) & 0xFFFF_FFFFL;
        long destination = first & MAC_MASK;
        long source = (first >>> 48) | (last << 16);
        ALL.set(U64, eth, source | (destination << 48));
        ALL.set(U32, eth + 8, (int) (destination >>> 16));
    }
}
