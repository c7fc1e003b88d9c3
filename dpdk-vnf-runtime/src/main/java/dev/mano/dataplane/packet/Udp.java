package dev.mano.dataplane.packet;

import static dev.mano.dataplane.eal.NativeMemory.ALL;
import static dev.mano.dataplane.eal.NativeMemory.U16_BE;

/** The UDP header at an address. */
public final class Udp {
    public static final int HEADER_LENGTH = 8;

    private Udp() {
    }

    public static int sourcePort(long udp) {
        return ALL.get(U16_BE, udp) & 0xFFFF;
    }

    public static void setSourcePort(long udp, int port) {
        ALL.set(U16_BE, udp, (short) port);
    }

    public static int destinationPort(long udp) {
        return ALL.get(U16_BE, udp + 2) & 0xFFFF;
    }

    public static void setDestinationPort(long udp, int port) {
        ALL.set(U16_BE, udp + 2, (short) port);
    }

    public static int length(long udp) {
        return ALL.get(U16_BE, udp + 4) & 0xFFFF;
    }

    public static int checksum(long udp) {
        return ALL.get(U16_BE, udp + 6) & 0xFFFF;
    }

    public static void setChecksum(long udp, int checksum) {
        ALL.set(U16_BE, udp + 6, (short) checksum);
    }
}
