package dev.mano.dataplane.vnf.l2fwd;

import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.eal.DpdkException;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.testing.Frames;
import dev.mano.dataplane.testing.TestEal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * l2fwd on ports backed by kernel interfaces: net_tap (DPDK creates the tap), net_af_packet on veths,
 * and net_af_xdp on veths (the kernel-bypass path for NICs that cannot be given to DPDK). Frames go in
 * from the kernel side of one interface (scapy) and must come out of the other with the MACs swapped.
 * Needs root and python3-scapy; skips with the reason otherwise.
 */
class L2fwdKernelPortsTest {
    private static final int FRAMES = 16;
    private static final byte[] MARKER = "mano-kpt".getBytes(StandardCharsets.US_ASCII);

    private final List<String> links = new ArrayList<>();

    @BeforeEach
    void needsRootAndScapy() throws Exception {
        assumeTrue("0".equals(output(List.of("id", "-u")).trim()), "needs root to create interfaces");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) && exit(List.of("/usr/bin/python3", "-c", "import scapy.all")) == 0,
                "needs python3-scapy (apt-get install python3-scapy)");
    }

    @AfterEach
    void deleteLinks() throws Exception {
        for (String link : links) {
            exit(List.of("ip", "link", "del", link));
        }
    }

    @Test
    void tapPorts() throws Exception {
        String tag = "t" + ProcessHandle.current().pid() % 10000;
        String a = "dtap" + tag + "a";
        String b = "dtap" + tag + "b";
        forwardAndCapture("net_tap_" + tag + "a", "net_tap_" + tag + "a,iface=" + a,
                "net_tap_" + tag + "b", "net_tap_" + tag + "b,iface=" + b, a, b, false);
    }

    @Test
    void afPacketPortsOnVeths() throws Exception {
        String tag = "p" + ProcessHandle.current().pid() % 10000;
        veth("v" + tag + "a", "v" + tag + "ap");
        veth("v" + tag + "b", "v" + tag + "bp");
        forwardAndCapture("net_af_packet_" + tag + "a", "net_af_packet_" + tag + "a,iface=v" + tag + "a",
                "net_af_packet_" + tag + "b", "net_af_packet_" + tag + "b,iface=v" + tag + "b",
                "v" + tag + "ap", "v" + tag + "bp", false);
    }

    @Test
    void afXdpPortsOnVethsWhereTheKernelAllows() throws Exception {
        String tag = "x" + ProcessHandle.current().pid() % 10000;
        veth("v" + tag + "a", "v" + tag + "ap");
        veth("v" + tag + "b", "v" + tag + "bp");
        forwardAndCapture("net_af_xdp_" + tag + "a", "net_af_xdp_" + tag + "a,iface=v" + tag + "a,start_queue=0,queue_count=1",
                "net_af_xdp_" + tag + "b", "net_af_xdp_" + tag + "b,iface=v" + tag + "b,start_queue=0,queue_count=1",
                "v" + tag + "ap", "v" + tag + "bp", true);
    }

    private void forwardAndCapture(String portA, String devargsA, String portB, String devargsB, String injectInto,
                                   String captureFrom, boolean skipWhenTheKernelRefuses) throws Exception {
        RuntimeConfig config = RuntimeConfig.parse("kernel-ports.yaml", """
                ports:
                  - {name: %s, devargs: "%s", queues: 1}
                  - {name: %s, devargs: "%s", queues: 1}
                l2fwd:
                  pairs: [[%s, %s]]
                """.formatted(portA, devargsA, portB, devargsB, portA, portB), "l2fwd");
        RunningVnf vnf;
        try {
            vnf = RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf()));
        } catch (DpdkException e) {
            assumeTrue(!skipWhenTheKernelRefuses, "the kernel or driver refused " + devargsA + ": " + e.getMessage());
            throw e;
        }
        try (vnf) {
            if (injectInto.startsWith("dtap")) {
                links.add(injectInto);
                links.add(captureFrom);
            }
            for (String link : List.of(injectInto, captureFrom)) {
                exit(List.of("sysctl", "-qw", "net.ipv6.conf." + link + ".disable_ipv6=1"));
                exit(List.of("ip", "link", "set", link, "up"));
            }
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < FRAMES; i++) {
                byte[] frame = Frames.udp(new byte[] {2, 0, 0, 0, 0, (byte) i}, new byte[] {2, 0, 0, 0, 1, (byte) i},
                        0x0A000001 + i, 0x0A000101, 5000 + i, 7, 40);
                System.arraycopy(MARKER, 0, frame, frame.length - MARKER.length, MARKER.length);
                frames.add(frame);
            }
            List<String> captured = injectAndCapture(injectInto, captureFrom, frames);
            List<String> expected = frames.stream().map(Frames::macSwapped).map(HexFormat.of()::formatHex).toList();
            assertThat(captured).as("frames out of %s", captureFrom).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private void veth(String name, String peer) throws Exception {
        assertThat(exit(List.of("ip", "link", "add", name, "type", "veth", "peer", "name", peer))).isZero();
        links.add(name);
        exit(List.of("sysctl", "-qw", "net.ipv6.conf." + name + ".disable_ipv6=1"));
        exit(List.of("ip", "link", "set", name, "up"));
    }

    private static List<String> injectAndCapture(String in, String out, List<byte[]> frames) throws Exception {
        Path script = script();
        Process process = new ProcessBuilder("/usr/bin/python3", script.toString(), in, out, String.valueOf(frames.size()),
                HexFormat.of().formatHex(MARKER), "10").start();
        try (var stdin = process.getOutputStream()) {
            for (byte[] frame : frames) {
                stdin.write((HexFormat.of().formatHex(frame) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isZero();
        return stdout.lines().filter(line -> !line.isBlank()).toList();
    }

    private static Path script() throws URISyntaxException {
        return Path.of(L2fwdKernelPortsTest.class.getResource("/inject_and_capture.py").toURI());
    }

    private static int exit(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return text;
    }
}
