package dev.mano.dataplane.packet;

import static dev.mano.dataplane.eal.NativeMemory.ALL;
import static dev.mano.dataplane.eal.NativeMemory.U16_BE;
import static dev.mano.dataplane.eal.NativeMemory.U32_BE;
import static dev.mano.dataplane.eal.NativeMemory.U8;

/** The IPv4 header at an address. Addresses are ints in network order (10.0.0.1 = 0x0A000001). */
public final class Ipv4 {
    public static final int PROTOCOL_ICMP = 1;
    public static final int PROTOCOL_TCP = 6;
    public static final int PROTOCOL_UDP = 17;

    private Ipv4() {
    }

    public static int version(long ip) {
        return (ALL.get(U8, ip) & 0xFF) >>> 4;
    }

    public static int headerLength(long ip) {
        return (ALL.get(U8, ip) & 0x0F) * 4;
    }

    public static int totalLength(long ip) {
        return ALL.get(U16_BE, ip + 2) & 0xFFFF;
    }

    public static int timeToLive(long ip) {
        return ALL.get(U8, ip + 8) & 0xFF;
    }

    public static void setTimeToLive(long ip, int ttl) {
        ALL.set(U8, ip + 8, (byte) ttl);
    }

    public static int protocol(long ip) {
        return ALL.get(U8, ip + 9) & 0xFF;
    }

    public static int checksum(long ip) {
        return ALL.get(U16_BE, ip + 10) & 0xFFFF;
    }

    public static void setChecksum(long ip, int checksum) {
        ALL.set(U16_BE, ip + 10, (short) checksum);
    }

    public static int source(long ip) {
        return ALL.get(U32_BE, ip + 12);
    }

    public static void setSource(long ip, int address) {
        ALL.set(U32_BE, ip + 12, address);
    }

    public static int destination(long ip) {
        return ALL.get(U32_BE, ip + 16);
    }

    public static void setDestination(long ip, int address) {
        ALL.set(U32_BE, ip + 16, address);
    }

    /** The header checksum computed over the header as it is (with its checksum field taken as zero). */
    public static int computeChecksum(long ip) {
        int length = headerLength(ip);
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            if (i != 10) {
                sum += ALL.get(U16_BE, ip + i) & 0xFFFF;
            }
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    /** The payload (L4 header) address. */
    public static long payload(long ip) {
        return ip + headerLength(ip);
    }
}
