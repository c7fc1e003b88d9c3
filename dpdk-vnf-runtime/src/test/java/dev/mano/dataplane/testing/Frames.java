package dev.mano.dataplane.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test frames: Ethernet/IPv4/UDP and TCP, ARP, odd sizes, all deterministic from a seed. */
public final class Frames {
    private Frames() {
    }

    public static byte[] udp(byte[] dst, byte[] src, int srcIp, int dstIp, int sport, int dport, int payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 8 + payload);
        b.put(dst).put(src).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + payload)).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).putInt(srcIp).putInt(dstIp);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload)).putShort((short) 0);
        for (int i = 0; i < payload; i++) {
            b.put((byte) i);
        }
        return b.array();
    }

    public static byte[] tcp(byte[] dst, byte[] src, int srcIp, int dstIp, int sport, int dport, int payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 20 + payload);
        b.put(dst).put(src).putShort((short) 0x0800);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 20 + payload)).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) 6).putShort((short) 0).putInt(srcIp).putInt(dstIp);
        b.putShort((short) sport).putShort((short) dport).putInt(1000).putInt(0).put((byte) 0x50).put((byte) 0x02)
                .putShort((short) 65535).putShort((short) 0).putShort((short) 0);
        for (int i = 0; i < payload; i++) {
            b.put((byte) (255 - i));
        }
        return b.array();
    }

    public static byte[] arp(byte[] src, int senderIp, int targetIp) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(new byte[] {-1, -1, -1, -1, -1, -1}).put(src).putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1)
                .put(src).putInt(senderIp).put(new byte[6]).putInt(targetIp);
        return b.array();
    }

    /** A mix of {@code count} frames of sizes 60..1514 with varied MACs, seeded. */
    public static List<byte[]> mix(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] dst = new byte[6];
            byte[] src = new byte[6];
            random.nextBytes(dst);
            random.nextBytes(src);
            src[0] &= (byte) 0xFE;
            int ip = 0x0A000000 | random.nextInt(1 << 16);
            frames.add(switch (i % 4) {
                case 0 -> udp(dst, src, ip, 0xC0A80001, 1000 + i, 53, 18 + random.nextInt(1400));
                case 1 -> tcp(dst, src, ip, 0xC0A80002, 2000 + i, 80, random.nextInt(1400));
                case 2 -> arp(src, ip, 0x0A0000FE);
                default -> udp(dst, src, ip, 0xC0A80003, 3000 + i, 4789, 18);
            });
        }
        return frames;
    }

    /** The frame with its first 12 bytes (destination, source MAC) swapped. */
    public static byte[] macSwapped(byte[] frame) {
        byte[] out = frame.clone();
        System.arraycopy(frame, 6, out, 0, 6);
        System.arraycopy(frame, 0, out, 6, 6);
        return out;
    }
}
