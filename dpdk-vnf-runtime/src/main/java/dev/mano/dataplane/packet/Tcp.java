package dev.mano.dataplane.packet;

import static dev.mano.dataplane.eal.NativeMemory.ALL;
import static dev.mano.dataplane.eal.NativeMemory.U16_BE;
import static dev.mano.dataplane.eal.NativeMemory.U32_BE;
import static dev.mano.dataplane.eal.NativeMemory.U8;

/** The TCP header at an address. */
public final class Tcp {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int ACK = 0x10;

    private Tcp() {
    }

    public static int sourcePort(long tcp) {
        return ALL.get(U16_BE, tcp) & 0xFFFF;
    }

    public static void setSourcePort(long tcp, int port) {
        ALL.set(U16_BE, tcp, (short) port);
    }

    public static int destinationPort(long tcp) {
        return ALL.get(U16_BE, tcp + 2) & 0xFFFF;
    }

    public static void setDestinationPort(long tcp, int port) {
        ALL.set(U16_BE, tcp + 2, (short) port);
    }

    public static int sequence(long tcp) {
        return ALL.get(U32_BE, tcp + 4);
    }

    public static int acknowledgement(long tcp) {
        return ALL.get(U32_BE, tcp + 8);
    }

    public static int headerLength(long tcp) {
        return ((ALL.get(U8, tcp + 12) & 0xFF) >>> 4) * 4;
    }

    public static int flags(long tcp) {
        return ALL.get(U8, tcp + 13) & 0xFF;
    }

    public static int checksum(long tcp) {
        return ALL.get(U16_BE, tcp + 16) & 0xFFFF;
    }

    public static void setChecksum(long tcp, int checksum) {
        ALL.set(U16_BE, tcp + 16, (short) checksum);
    }
}
