package dev.mano.dataplane.vnf.l2fwd;

import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.engine.LcoreSnapshot;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.testing.Await;
import dev.mano.dataplane.testing.Frames;
import dev.mano.dataplane.testing.Pcap;
import dev.mano.dataplane.testing.TestEal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real packets through DPDK's pcap PMD: pcap in -> l2fwd -> pcap out, and the output file is compared
 * byte for byte with the expected file (record timestamps aside: the PMD stamps the time of sending).
 */
class L2fwdPcapTest {

    @TempDir
    Path dir;

    @Test
    void macswapForwardsEveryPacketToThePeerPortWithTheAddressesSwapped() throws Exception {
        List<byte[]> inA = Frames.mix(300, 1);
        List<byte[]> inB = Frames.mix(120, 2);
        List<Path> out = forward("sw", "macswap", "", inA, inB);
        assertSameFile(out.get(1), inA.stream().map(Frames::macSwapped).toList());
        assertSameFile(out.get(0), inB.stream().map(Frames::macSwapped).toList());
    }

    @Test
    void rewriteSetsThePeerMacAsDestinationAndThePortMacAsSource() throws Exception {
        List<byte[]> inA = Frames.mix(200, 3);
        List<byte[]> inB = Frames.mix(50, 4);
        List<Path> out = forward("rw", "rewrite", "  peerMacs: {net_pcap_rwb: \"0a:0b:0c:0d:0e:0f\"}\n", inA, inB);
        byte[] macA = macs.get(0);
        byte[] macB = macs.get(1);
        byte[] defaultPeerA = {0x02, 0, 0, 0, 0, (byte) portIds.get(0).intValue()};
        assertSameFile(out.get(1), inA.stream().map(rewrite(new byte[] {10, 11, 12, 13, 14, 15}, macB)).toList());
        assertSameFile(out.get(0), inB.stream().map(rewrite(defaultPeerA, macA)).toList());
    }

    @Test
    void patchForwardsEveryFrameToThePeerPortUnchanged() throws Exception {
        List<byte[]> inA = Frames.mix(250, 5);
        List<byte[]> inB = Frames.mix(90, 6);
        List<Path> out = forward("pt", "patch", "", inA, inB);
        assertSameFile(out.get(1), inA);
        assertSameFile(out.get(0), inB);
    }

    private List<byte[]> macs;
    private List<Integer> portIds;

    /** Runs l2fwd between two pcap ports until every input packet went through; returns [out of A, out of B]. */
    private List<Path> forward(String tag, String mode, String extra, List<byte[]> inA, List<byte[]> inB) throws Exception {
        Path pcapA = dir.resolve("in-a.pcap");
        Path pcapB = dir.resolve("in-b.pcap");
        Path outA = dir.resolve("out-a.pcap");
        Path outB = dir.resolve("out-b.pcap");
        Pcap.write(pcapA, Pcap.MAGIC_MICROS, inA);
        Pcap.write(pcapB, Pcap.MAGIC_MICROS, inB);
        String a = "net_pcap_" + tag + "a";
        String b = "net_pcap_" + tag + "b";
        RuntimeConfig config = RuntimeConfig.parse("pcap.yaml", """
                ports:
                  - {name: %s, devargs: "%s,rx_pcap=%s,tx_pcap=%s", queues: 1}
                  - {name: %s, devargs: "%s,rx_pcap=%s,tx_pcap=%s", queues: 1}
                l2fwd:
                  mode: %s
                  pairs: [[%s, %s]]
                %s""".formatted(a, a, pcapA, outA, b, b, pcapB, outB, mode, a, b, extra), "l2fwd");
        int expected = inA.size() + inB.size();
        try (RunningVnf vnf = RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf()))) {
            macs = vnf.ports().stream().map(p -> p.mac().bytes()).toList();
            portIds = vnf.ports().stream().map(Port::id).toList();
            Await.until(expected + " packets forwarded", Duration.ofSeconds(20),
                    () -> vnf.snapshot().lcores().stream().mapToLong(LcoreSnapshot::txPackets).sum() >= expected);
            vnf.stop();
            assertThat(vnf.snapshot().lcores().stream().mapToLong(LcoreSnapshot::rxPackets).sum()).isEqualTo(expected);
            assertThat(vnf.snapshot().lcores().stream().mapToLong(LcoreSnapshot::totalDrops).sum()).isZero();
        }
        // Closing the ports closed the pcap writers, so the files are complete.
        return List.of(outA, outB);
    }

    private static UnaryOperator<byte[]> rewrite(byte[] destination, byte[] source) {
        return frame -> {
            byte[] copy = frame.clone();
            System.arraycopy(destination, 0, copy, 0, 6);
            System.arraycopy(source, 0, copy, 6, 6);
            return copy;
        };
    }

    /** The actual file equals the expected one byte for byte once both have their record timestamps zeroed. */
    private void assertSameFile(Path actual, List<byte[]> expectedPackets) throws Exception {
        int magic = ByteBuffer.wrap(Files.readAllBytes(actual), 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        Path expected = dir.resolve("expected-" + actual.getFileName());
        Pcap.write(expected, magic, expectedPackets);
        byte[] got = withoutTimestamps(Files.readAllBytes(actual));
        byte[] want = withoutTimestamps(Files.readAllBytes(expected));
        assertThat(Pcap.read(actual).packets()).hasSameSizeAs(expectedPackets);
        assertThat(got).as("%s compared with %s", actual, expected).isEqualTo(want);
    }

    private static byte[] withoutTimestamps(byte[] file) {
        byte[] copy = file.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        while (at + 16 <= copy.length) {
            b.putInt(at, 0).putInt(at + 4, 0);
            at += 16 + b.getInt(at + 8);
        }
        return copy;
    }
}
