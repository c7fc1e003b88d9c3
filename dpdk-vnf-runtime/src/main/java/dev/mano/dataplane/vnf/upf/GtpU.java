package dev.mano.dataplane.vnf.upf;

import dev.mano.dataplane.eal.NativeMemory;
import dev.mano.dataplane.packet.Ipv4;

/**
 * GTP-U (3GPP TS 29.281) header parsing and writing by address. The mandatory header is 8 bytes
 * (flags, message type, length of what follows it, TEID); any of the E, S, PN flags adds 4 (sequence
 * number, N-PDU number, next extension type), and each extension header carries its own length in
 * 4-byte units and the type of the next one in its last byte.
 */
public final class GtpU {
    public static final int PORT = 2152;
    public static final int G_PDU = 0xFF;
    /** Outer IPv4 (20) + UDP (8) + GTP-U (8) in front of the inner packet on encapsulation. */
    public static final int ENCAPSULATION = 36;
    public static final int BAD = -1;
    public static final int SIGNALLING = -2;

    private GtpU() {
    }

    /**
     * Length of the GTP-U header (mandatory + optional + extensions) at {@code gtp}, within
     * {@code available} bytes; {@link #BAD} if malformed or truncated, {@link #SIGNALLING} if not a G-PDU.
     */
    public static int headerLength(long gtp, int available) {
        if (available < 8) {
            return BAD;
        }
        int flags = NativeMemory.getByte(gtp) & 0xFF;
        if ((flags >>> 5) != 1 || (flags & 0x10) == 0) {
            return BAD; // version 1, protocol type GTP (not GTP')
        }
        int payload = NativeMemory.getShortBigEndian(gtp + 2);
        if (8 + payload > available) {
            return BAD;
        }
        if ((NativeMemory.getByte(gtp + 1) & 0xFF) != G_PDU) {
            return SIGNALLING;
        }
        int length = 8;
        if ((flags & 0x07) != 0) {
            length = 12;
            if (length > 8 + payload) {
                return BAD;
            }
            int next = (flags & 0x04) != 0 ? NativeMemory.getByte(gtp + 11) & 0xFF : 0;
            while (next != 0) {
                if (length + 4 > 8 + payload) {
                    return BAD;
                }
                int units = NativeMemory.getByte(gtp + length) & 0xFF;
                if (units == 0 || length + units * 4 > 8 + payload) {
                    return BAD;
                }
                length += units * 4;
                next = NativeMemory.getByte(gtp + length - 1) & 0xFF;
            }
        }
        return length;
    }

    public static int teid(long gtp) {
        return NativeMemory.getIntBigEndian(gtp + 4);
    }

    /** Bytes of the G-PDU after the mandatory 8-byte header (its length field). */
    public static int payloadLength(long gtp) {
        return NativeMemory.getShortBigEndian(gtp + 2);
    }

    /**
     * Writes outer IPv4 + UDP + GTP-U (36 bytes) at {@code outer} in front of an inner packet of
     * {@code innerLength} bytes. The UDP checksum is 0 (allowed over IPv4); the IPv4 one is computed.
     */
    public static void writeEncapsulation(long outer, int source, int destination, int teid, int innerLength) {
        NativeMemory.putShortBigEndian(outer, 0x4500);
        NativeMemory.putShortBigEndian(outer + 2, innerLength + ENCAPSULATION);
        NativeMemory.putIntBigEndian(outer + 4, 0);
        NativeMemory.putShortBigEndian(outer + 8, 64 << 8 | Ipv4.PROTOCOL_UDP);
        NativeMemory.putShortBigEndian(outer + 10, 0);
        NativeMemory.putIntBigEndian(outer + 12, source);
        NativeMemory.putIntBigEndian(outer + 16, destination);
        Ipv4.setChecksum(outer, Ipv4.computeChecksum(outer));
        long udp = outer + 20;
        NativeMemory.putShortBigEndian(udp, PORT);
        NativeMemory.putShortBigEndian(udp + 2, PORT);
        NativeMemory.putShortBigEndian(udp + 4, innerLength + 16);
        NativeMemory.putShortBigEndian(udp + 6, 0);
        long gtp = udp + 8;
        NativeMemory.putShortBigEndian(gtp, 0x30 << 8 | G_PDU);
        NativeMemory.putShortBigEndian(gtp + 2, innerLength);
        NativeMemory.putIntBigEndian(gtp + 4, teid);
    }
}
