package dev.mano.dataplane.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes classic pcap files (Ethernet link type), micro- or nanosecond timestamps. */
public final class Pcap {
    public static final int MAGIC_MICROS = 0xa1b2c3d4;
    public static final int MAGIC_NANOS = 0xa1b23c4d;

    private Pcap() {
    }

    public static void write(Path file, int magic, List<byte[]> packets) throws IOException {
        int size = 24 + packets.stream().mapToInt(p -> 16 + p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(magic).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        int i = 0;
        for (byte[] packet : packets) {
            out.putInt(1_700_000_000 + i).putInt(i++).putInt(packet.length).putInt(packet.length).put(packet);
        }
        Files.write(file, out.array());
    }

    public record File(int magic, int snaplen, int linkType, List<byte[]> packets) {
    }

    public static File read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int magic = in.getInt();
        in.getShort();
        in.getShort();
        in.getInt();
        in.getInt();
        int snaplen = in.getInt();
        int linkType = in.getInt();
        List<byte[]> packets = new ArrayList<>();
        while (in.remaining() >= 16) {
            in.getInt();
            in.getInt();
            int captured = in.getInt();
            int original = in.getInt();
            if (captured != original) {
                throw new IOException("truncated record in " + file + ": " + captured + " of " + original + " bytes");
            }
            byte[] packet = new byte[captured];
            in.get(packet);
            packets.add(packet);
        }
        if (in.hasRemaining()) {
            throw new IOException(in.remaining() + " trailing bytes in " + file);
        }
        return new File(magic, snaplen, linkType, packets);
    }
}
