package dev.mano.dataplane.packet;

import java.util.HexFormat;

/** A MAC address as the fast path carries it: 48 bits, byte 0 of the wire form in the low byte. */
public record MacAddress(long bits) {

    public MacAddress {
        if ((bits & ~0xFFFF_FFFF_FFFFL) != 0) {
            throw new IllegalArgumentException("a MAC address has 48 bits: " + Long.toHexString(bits));
        }
    }

    /** Parses aa:bb:cc:dd:ee:ff (or with dashes). */
    public static MacAddress parse(String text) {
        String[] parts = text.trim().split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address (six hex bytes separated by ':'): '" + text + "'");
        }
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            if (!parts[i].matches("[0-9a-fA-F]{1,2}")) {
                throw new IllegalArgumentException("not a MAC address: '" + text + "'");
            }
            bits |= Long.parseLong(parts[i], 16) << (8 * i);
        }
        return new MacAddress(bits);
    }

    public static MacAddress ofBytes(byte[] wire) {
        long bits = 0;
        for (int i = 0; i < 6; i++) {
            bits |= (wire[i] & 0xFFL) << (8 * i);
        }
        return new MacAddress(bits);
    }

    public byte[] bytes() {
        byte[] wire = new byte[6];
        for (int i = 0; i < 6; i++) {
            wire[i] = (byte) (bits >>> (8 * i));
        }
        return wire;
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes());
    }
}
