package dev.mano.dataplane.vnf.chain;

import java.nio.ByteBuffer;

/**
 * Builds test frames byte by byte, with checksums from this class's own RFC 1071 sum (kept apart
 * from the runtime's Checksum so that a bug there cannot hide itself), and reads fields back.
 */
public final class Packets {
    public static final byte[] MAC_A = mac(0x02, 0, 0, 0, 0, 0x0A);
    public static final byte[] MAC_B = mac(0x02, 0, 0, 0, 0, 0x0B);

    private Packets() {
    }

    public static byte[] mac(int... bytes) {
        byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++) {
            mac[i] = (byte) bytes[i];
        }
        return mac;
    }

    public static int ip(String dotted) {
        String[] p = dotted.split("\\.");
        return Integer.parseInt(p[0]) << 24 | Integer.parseInt(p[1]) << 16 | Integer.parseInt(p[2]) << 8 | Integer.parseInt(p[3]);
    }

    public static int checksum(byte[] data, int offset, int length, long initial) {
        long sum = initial;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((data[offset + i] & 0xFF) << 8) | (data[offset + i + 1] & 0xFF);
        }
        if ((length & 1) != 0) {
            sum += (data[offset + length - 1] & 0xFF) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    public static byte[] ethernet(byte[] dst, byte[] src, int type, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        b.put(dst).put(src).putShort((short) type).put(payload);
        return b.array();
    }

    public static byte[] vlan(byte[] dst, byte[] src, int vid, int type, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(18 + payload.length);
        b.put(dst).put(src).putShort((short) 0x8100).putShort((short) vid).putShort((short) type).put(payload);
        return b.array();
    }

    public static byte[] ipv4(int src, int dst, int protocol, int ttl, byte[] l4) {
        return ipv4(src, dst, protocol, ttl, 0, l4);
    }

    public static byte[] ipv4(int src, int dst, int protocol, int ttl, int fragmentField, byte[] l4) {
        ByteBuffer b = ByteBuffer.allocate(20 + l4.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4.length)).putShort((short) 0x1234)
                .putShort((short) fragmentField).put((byte) ttl).put((byte) protocol).putShort((short) 0)
                .putInt(src).putInt(dst).put(l4);
        byte[] packet = b.array();
        int sum = checksum(packet, 0, 20, 0);
        packet[10] = (byte) (sum >> 8);
        packet[11] = (byte) sum;
        return packet;
    }

    private static long pseudo(int src, int dst, int protocol, int length) {
        return (src >>> 16) + (src & 0xFFFF) + (dst >>> 16) + (dst & 0xFFFF) + protocol + length;
    }

    public static byte[] udp(int src, int dst, int sport, int dport, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
        byte[] seg = b.array();
        int sum = checksum(seg, 0, seg.length, pseudo(src, dst, 17, seg.length));
        if (sum == 0) {
            sum = 0xFFFF;
        }
        seg[6] = (byte) (sum >> 8);
        seg[7] = (byte) sum;
        return seg;
    }

    public static byte[] tcp(int src, int dst, int sport, int dport, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) sport).putShort((short) dport).putInt(1000).putInt(flags == 0x02 ? 0 : 2000)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0).put(payload);
        byte[] seg = b.array();
        int sum = checksum(seg, 0, seg.length, pseudo(src, dst, 6, seg.length));
        seg[16] = (byte) (sum >> 8);
        seg[17] = (byte) sum;
        return seg;
    }

    public static byte[] icmpEcho(int type, int id, int sequence, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.put((byte) type).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) sequence).put(payload);
        byte[] msg = b.array();
        int sum = checksum(msg, 0, msg.length, 0);
        msg[2] = (byte) (sum >> 8);
        msg[3] = (byte) sum;
        return msg;
    }

    /** Ethernet + IPv4 + UDP frame. */
    public static byte[] udpFrame(String src, String dst, int sport, int dport, int ttl, int payloadLength) {
        int s = ip(src);
        int d = ip(dst);
        return ethernet(MAC_B, MAC_A, 0x0800, ipv4(s, d, 17, ttl, udp(s, d, sport, dport, new byte[payloadLength])));
    }

    public static byte[] tcpFrame(String src, String dst, int sport, int dport, int flags) {
        int s = ip(src);
        int d = ip(dst);
        return ethernet(MAC_B, MAC_A, 0x0800, ipv4(s, d, 6, 64, tcp(s, d, sport, dport, flags, new byte[0])));
    }

    public static byte[] icmpFrame(String src, String dst, int type, int id) {
        return ethernet(MAC_B, MAC_A, 0x0800, ipv4(ip(src), ip(dst), 1, 64, icmpEcho(type, id, 1, new byte[16])));
    }

    /** A GTP-U G-PDU (no optional fields) carrying {@code inner} in Ethernet/IPv4/UDP to port 2152. */
    public static byte[] gtpuFrame(String outerSrc, String outerDst, int teid, byte[] inner) {
        ByteBuffer g = ByteBuffer.allocate(8 + inner.length);
        g.put((byte) 0x30).put((byte) 0xFF).putShort((short) inner.length).putInt(teid).put(inner);
        int s = ip(outerSrc);
        int d = ip(outerDst);
        return ethernet(MAC_B, MAC_A, 0x0800, ipv4(s, d, 17, 64, udp(s, d, 2152, 2152, g.array())));
    }

    // Readers over a frame (untagged Ethernet).
    public static int u8(byte[] f, int at) {
        return f[at] & 0xFF;
    }

    public static int u16(byte[] f, int at) {
        return (f[at] & 0xFF) << 8 | (f[at + 1] & 0xFF);
    }

    public static int u32(byte[] f, int at) {
        return u16(f, at) << 16 | u16(f, at + 2);
    }

    /** True when the IPv4 header at 14 and its TCP/UDP/ICMP checksum verify (independent computation). */
    public static boolean checksumsValid(byte[] frame) {
        int ihl = (frame[14] & 0x0F) * 4;
        if (checksum(frame, 14, ihl, 0) != 0) {
            return false;
        }
        int total = u16(frame, 16);
        int protocol = u8(frame, 23);
        int l4 = 14 + ihl;
        int l4Length = total - ihl;
        int src = u32(frame, 26);
        int dst = u32(frame, 30);
        return switch (protocol) {
            case 6 -> checksum(frame, l4, l4Length, pseudo(src, dst, 6, l4Length)) == 0;
            case 17 -> u16(frame, l4 + 6) == 0 || checksum(frame, l4, l4Length, pseudo(src, dst, 17, l4Length)) == 0;
            case 1 -> checksum(frame, l4, l4Length, 0) == 0;
            default -> true;
        };
    }
}
