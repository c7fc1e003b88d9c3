package dev.mano.dataplane.packet;

import dev.mano.dataplane.eal.NativeMemory;
import dev.mano.dataplane.testing.Frames;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The header views read and write frames in place, at absolute addresses of native memory. */
class HeaderViewsTest {
    private static final byte[] DST = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55};
    private static final byte[] SRC = {0x02, (byte) 0xaa, (byte) 0xbb, (byte) 0xcc, (byte) 0xdd, (byte) 0xee};

    private static long place(Arena arena, byte[] frame) {
        MemorySegment segment = arena.allocate(frame.length + 8);
        MemorySegment.copy(frame, 0, segment, java.lang.foreign.ValueLayout.JAVA_BYTE, 3, frame.length);
        return segment.address() + 3; // deliberately unaligned, as packet data can be
    }

    @Test
    void ethernetAddressesSwapAndRewriteInPlace() {
        try (Arena arena = Arena.ofConfined()) {
            byte[] frame = Frames.udp(DST, SRC, 0x0A000001, 0xC0A80001, 1234, 53, 30);
            long eth = place(arena, frame);
            assertThat(new MacAddress(Ethernet.destination(eth))).hasToString("00:11:22:33:44:55");
            assertThat(new MacAddress(Ethernet.source(eth))).hasToString("02:aa:bb:cc:dd:ee");
            assertThat(Ethernet.etherType(eth)).isEqualTo(Ethernet.TYPE_IPV4);

            Ethernet.swapAddresses(eth);
            assertThat(NativeMemory.copyTo(eth, frame.length)).isEqualTo(Frames.macSwapped(frame));

            Ethernet.setAddresses(eth, MacAddress.parse("0a:0b:0c:0d:0e:0f").bits(), MacAddress.parse("02:00:00:00:00:09").bits());
            byte[] now = NativeMemory.copyTo(eth, 14);
            assertThat(now).startsWith(10, 11, 12, 13, 14, 15, 2, 0, 0, 0, 0, 9, 0x08, 0x00);
        }
    }

    @Test
    void ipv4UdpAndTcpFieldsAndTheHeaderChecksum() {
        try (Arena arena = Arena.ofConfined()) {
            long eth = place(arena, Frames.udp(DST, SRC, 0x0A000001, 0xC0A80001, 1234, 53, 30));
            long ip = eth + Ethernet.HEADER_LENGTH;
            assertThat(Ipv4.version(ip)).isEqualTo(4);
            assertThat(Ipv4.headerLength(ip)).isEqualTo(20);
            assertThat(Ipv4.totalLength(ip)).isEqualTo(20 + 8 + 30);
            assertThat(Ipv4.protocol(ip)).isEqualTo(Ipv4.PROTOCOL_UDP);
            assertThat(Ipv4.source(ip)).isEqualTo(0x0A000001);
            assertThat(Ipv4.destination(ip)).isEqualTo(0xC0A80001);
            assertThat(Ipv4.timeToLive(ip)).isEqualTo(64);
            // RFC 1071: with the computed checksum in place, the one's complement sum of the header is 0xFFFF.
            Ipv4.setChecksum(ip, Ipv4.computeChecksum(ip));
            long sum = 0;
            for (int i = 0; i < 20; i += 2) {
                sum += NativeMemory.getShortBigEndian(ip + i);
            }
            while ((sum >>> 16) != 0) {
                sum = (sum & 0xFFFF) + (sum >>> 16);
            }
            assertThat(sum).isEqualTo(0xFFFF);
            long udp = Ipv4.payload(ip);
            assertThat(Udp.sourcePort(udp)).isEqualTo(1234);
            assertThat(Udp.destinationPort(udp)).isEqualTo(53);
            assertThat(Udp.length(udp)).isEqualTo(38);
            Udp.setDestinationPort(udp, 5353);
            assertThat(Udp.destinationPort(udp)).isEqualTo(5353);

            long tcpFrame = place(arena, Frames.tcp(DST, SRC, 0x0A000002, 0xC0A80002, 40000, 443, 0));
            long tcp = Ipv4.payload(tcpFrame + Ethernet.HEADER_LENGTH);
            assertThat(Tcp.sourcePort(tcp)).isEqualTo(40000);
            assertThat(Tcp.destinationPort(tcp)).isEqualTo(443);
            assertThat(Tcp.sequence(tcp)).isEqualTo(1000);
            assertThat(Tcp.headerLength(tcp)).isEqualTo(20);
            assertThat(Tcp.flags(tcp)).isEqualTo(Tcp.SYN);
        }
    }

    @Test
    void macAddressesParseAndPrint() {
        assertThat(MacAddress.parse("02-00-00-00-00-01").bits()).isEqualTo(0x02L | (1L << 40));
        assertThat(MacAddress.ofBytes(DST)).isEqualTo(MacAddress.parse("00:11:22:33:44:55"));
        assertThatThrownBy(() -> MacAddress.parse("00:11:22")).hasMessageContaining("six hex bytes");
        assertThatThrownBy(() -> MacAddress.parse("00:11:22:33:44:zz")).hasMessageContaining("not a MAC address");
    }
}
