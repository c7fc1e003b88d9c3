package dev.mano.dataplane.vnf.chain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static dev.mano.dataplane.vnf.chain.Packets.MAC_A;
import static dev.mano.dataplane.vnf.chain.Packets.MAC_B;
import static dev.mano.dataplane.vnf.chain.Packets.ethernet;
import static dev.mano.dataplane.vnf.chain.Packets.ip;
import static dev.mano.dataplane.vnf.chain.Packets.ipv4;

/**
 * The fuzz corpus (valid frames of every kind the VNFs parse, and hand-made malformed ones) and a
 * seeded mutator that damages them the ways real traffic does: truncation, bad IHL, bad total length,
 * fragments, non-IP, VLAN tags, broken GTP-U, random byte flips in the headers.
 */
public final class MalformedFrames {
    private final Random random;
    private final List<byte[]> corpus = new ArrayList<>();

    public MalformedFrames(long seed) {
        this.random = new Random(seed);
        String[] sources = {"10.0.0.5", "10.45.0.2", "192.0.2.10", "8.8.8.8", "203.0.113.1"};
        String[] destinations = {"198.18.1.1", "10.0.0.100", "192.0.2.1", "203.0.113.1", "10.45.0.2", "8.8.8.8"};
        for (String s : sources) {
            for (String d : destinations) {
                corpus.add(Packets.udpFrame(s, d, 5000, 53, 64, 16));
                corpus.add(Packets.udpFrame(s, d, 2152, 2152, 64, 0));
                corpus.add(Packets.tcpFrame(s, d, 40000, 80, 0x02));
                corpus.add(Packets.tcpFrame(d, s, 80, 40000, 0x12));
                corpus.add(Packets.icmpFrame(s, d, 8, 7));
            }
        }
        byte[] inner = Arrays.copyOfRange(Packets.udpFrame("10.45.0.2", "8.8.8.8", 1, 2, 64, 8), 14, 50);
        corpus.add(Packets.gtpuFrame("192.0.2.10", "192.0.2.1", 0x100, inner));
        corpus.add(Packets.gtpuFrame("192.0.2.10", "192.0.2.1", 0x100, new byte[0]));
        byte[] withExtension = gtpuWithExtension(inner);
        corpus.add(withExtension);
        corpus.add(Packets.vlan(MAC_B, MAC_A, 5, 0x0800, Arrays.copyOfRange(Packets.udpFrame("10.0.0.5", "198.18.1.1", 1, 2, 64, 4), 14, 46)));
        corpus.add(Packets.vlan(MAC_B, MAC_A, 5, 0x8100, new byte[40]));                 // QinQ
        corpus.add(ethernet(MAC_B, MAC_A, 0x0806, new byte[28]));                        // ARP
        corpus.add(ethernet(MAC_B, MAC_A, 0x86DD, new byte[48]));                        // IPv6
        corpus.add(ethernet(MAC_B, MAC_A, 0x0800, ipv4(ip("10.0.0.5"), ip("8.8.8.8"), 17, 64, 0x2000, new byte[16]))); // MF
        corpus.add(ethernet(MAC_B, MAC_A, 0x0800, ipv4(ip("10.0.0.5"), ip("8.8.8.8"), 6, 64, 0x0003, new byte[16])));  // later fragment
        corpus.add(ethernet(MAC_B, MAC_A, 0x0800, ipv4(ip("10.0.0.5"), ip("8.8.8.8"), 47, 64, new byte[8])));        // GRE
        corpus.add(new byte[0]);
        corpus.add(new byte[13]);
    }

    private static byte[] gtpuWithExtension(byte[] inner) {
        ByteBuffer g = ByteBuffer.allocate(16 + inner.length);
        // E flag: sequence, N-PDU, next type 0x85 (PDU session container, 1 unit), then no more.
        g.put((byte) 0x34).put((byte) 0xFF).putShort((short) (8 + inner.length)).putInt(0x100)
                .putShort((short) 0).put((byte) 0).put((byte) 0x85).put((byte) 1).put((byte) 0x10).put((byte) 9).put((byte) 0)
                .put(inner);
        int s = ip("192.0.2.10");
        int d = ip("192.0.2.1");
        return ethernet(MAC_B, MAC_A, 0x0800, ipv4(s, d, 17, 64, Packets.udp(s, d, 2152, 2152, g.array())));
    }

    public int corpusSize() {
        return corpus.size();
    }

    /** A corpus frame, damaged in 0..3 ways. */
    public byte[] next() {
        byte[] frame = corpus.get(random.nextInt(corpus.size())).clone();
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            frame = mutate(frame);
        }
        return frame.length > GuardedMbufs.maxFrame() ? Arrays.copyOf(frame, GuardedMbufs.maxFrame()) : frame;
    }

    private byte[] mutate(byte[] frame) {
        int l3 = frame.length > 17 && (frame[12] & 0xFF) == 0x81 ? 18 : 14;
        switch (random.nextInt(9)) {
            case 0 -> {
                return Arrays.copyOf(frame, random.nextInt(frame.length + 1));                  // truncate
            }
            case 1 -> setByte(frame, l3, 0x40 | random.nextInt(16));                             // IHL 0..15
            case 2 -> setShort(frame, l3 + 2, edge());                                          // total length
            case 3 -> setShort(frame, l3 + 6, random.nextBoolean() ? 0x2000 : random.nextInt(0x10000)); // fragment
            case 4 -> setShort(frame, 12, new int[] {0x0800, 0x8100, 0x88A8, 0x86DD, 0x0806}[random.nextInt(5)]);
            case 5 -> setShort(frame, l3 + 20 + 4, edge());                                     // UDP length / TCP seq
            case 6 -> setShort(frame, l3 + 28 + 2, edge());                                     // GTP-U length
            case 7 -> {
                for (int i = 0; i < 3 && frame.length > 0; i++) {
                    int at = random.nextInt(Math.min(frame.length, 80));
                    frame[at] = (byte) random.nextInt(256);
                }
            }
            default -> {
                byte[] longer = Arrays.copyOf(frame, frame.length + random.nextInt(64));
                return longer;                                                                 // trailing junk
            }
        }
        return frame;
    }

    private int edge() {
        int[] edges = {0, 1, 7, 8, 19, 20, 21, 27, 28, 35, 36, 0x7FFF, 0xFFFF};
        return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextInt(0x10000);
    }

    private static void setByte(byte[] frame, int at, int value) {
        if (at < frame.length) {
            frame[at] = (byte) value;
        }
    }

    private static void setShort(byte[] frame, int at, int value) {
        if (at + 1 < frame.length) {
            frame[at] = (byte) (value >> 8);
            frame[at + 1] = (byte) value;
        }
    }
}
