package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.vnf.chain.Packets;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumTest {

    @Test
    void incrementalUpdateEqualsFullRecomputationForRandomRewrites() {
        Random random = new Random(7);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment header = arena.allocate(20);
            for (int round = 0; round < 20_000; round++) {
                byte[] bytes = new byte[20];
                random.nextBytes(bytes);
                bytes[10] = 0;
                bytes[11] = 0;
                int checksum = Packets.checksum(bytes, 0, 20, 0);
                bytes[10] = (byte) (checksum >> 8);
                bytes[11] = (byte) checksum;
                MemorySegment.copy(bytes, 0, header, ValueLayout.JAVA_BYTE, 0, 20);
                assertThat(Checksum.of(header.address(), 20)).isZero();
                int oldAddress = Packets.u32(bytes, 12);
                int newAddress = random.nextInt();
                int oldWord = Packets.u16(bytes, 8);
                int newWord = random.nextInt(1 << 16);
                int updated = Checksum.update16(Checksum.update32(checksum, oldAddress, newAddress), oldWord, newWord);
                java.nio.ByteBuffer.wrap(bytes).putInt(12, newAddress).putShort(8, (short) newWord).putShort(10, (short) updated);
                // RFC 1624: the result is a valid checksum (0x0000 and 0xFFFF both verify as +0/-0).
                assertThat(Packets.checksum(bytes, 0, 20, 0)).isZero();
            }
        }
    }
}
