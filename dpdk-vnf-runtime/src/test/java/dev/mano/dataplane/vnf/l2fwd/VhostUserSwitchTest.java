package dev.mano.dataplane.vnf.l2fwd;

import dev.mano.dataplane.testing.Await;
import dev.mano.dataplane.testing.Frames;
import dev.mano.dataplane.testing.Pcap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chain switch over vhost-user, with real DPDK processes and real frames: the runtime in l2fwd patch
 * mode is the vhost-user server of every socket (net_vhost), and on each socket a virtio-user frontend
 * (testpmd, the client, where a VM's virtio NIC would be) forwards between the socket and pcap files.
 * Every frame one frontend reads from its pcap must come out of its peer's pcap byte for byte, in order,
 * and nothing else: the switch carries two segments (two port pairs), as the one switch process of a
 * host carries all of that host's chain links. Up to five DPDK processes on two CPUs: the switch's
 * worker on CPU 1, the frontends' forwarding lcores on CPU 0, all without hugepages.
 */
class VhostUserSwitchTest {
    private static final int CPUS = Runtime.getRuntime().availableProcessors();
    private static final int SWITCH_CPU = CPUS >= 2 ? 1 : 0;

    @TempDir
    Path dir;

    private final List<AutoCloseable> processes = new ArrayList<>();

    @BeforeAll
    static void needsTestpmdAndThePmds() {
        boolean testpmd = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "dpdk-testpmd")));
        assumeTrue(testpmd, "needs dpdk-testpmd for the virtio-user frontends (apt-get install dpdk-dev)");
        assumeTrue(Files.isExecutable(VirtioUserFrontend.STDBUF), "needs " + VirtioUserFrontend.STDBUF + " (coreutils)");
        for (String pmd : List.of("net_vhost", "net_virtio", "net_pcap")) {
            assumeTrue(pmdInstalled(pmd), "needs DPDK's " + pmd + " PMD (librte_" + pmd + ".so in a dpdk/pmds-* directory)");
        }
    }

    private static boolean pmdInstalled(String pmd) {
        for (String lib : List.of("/usr/lib/x86_64-linux-gnu/dpdk", "/usr/lib/aarch64-linux-gnu/dpdk", "/usr/local/lib/dpdk",
                "/usr/lib64/dpdk")) {
            File[] dirs = new File(lib).listFiles((d, name) -> name.startsWith("pmds-"));
            if (dirs != null && Stream.of(dirs).anyMatch(d -> new File(d, "librte_" + pmd + ".so").exists())) {
                return true;
            }
        }
        // a DPDK built with its PMDs linked in has no such directory: let the processes tell
        return !new File("/usr/lib/x86_64-linux-gnu/dpdk").isDirectory();
    }

    /** Ends every process a test started, in reverse order, whatever happened. */
    @AfterEach
    void stopProcesses() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }

    /** Two segments, as on a host with two chain links: a.sock-b.sock and c.sock-d.sock. */
    private String switchYaml(int idleSleepUs) {
        return """
                ports:
                  - {name: net_vhost0, devargs: "net_vhost0,iface=%s", queues: 1}
                  - {name: net_vhost1, devargs: "net_vhost1,iface=%s", queues: 1}
                  - {name: net_vhost2, devargs: "net_vhost2,iface=%s", queues: 1}
                  - {name: net_vhost3, devargs: "net_vhost3,iface=%s", queues: 1}
                idleSleepUs: %d
                l2fwd:
                  mode: patch
                  pairs: [[net_vhost0, net_vhost1], [net_vhost2, net_vhost3]]
                """.formatted(dir.resolve("a.sock"), dir.resolve("b.sock"), dir.resolve("c.sock"), dir.resolve("d.sock"),
                idleSleepUs);
    }

    private SwitchProcess startSwitch(int idleSleepUs) throws Exception {
        SwitchProcess sw = SwitchProcess.start(dir.resolve("switch.yaml"), switchYaml(idleSleepUs),
                "0@0,1@" + SWITCH_CPU);
        processes.add(sw);
        return sw;
    }

    private VirtioUserFrontend frontend(String name, String socket, Path in, Path out) throws IOException {
        VirtioUserFrontend frontend = VirtioUserFrontend.start(name, dir.resolve(socket), in, out, SWITCH_CPU, 0);
        processes.add(frontend);
        return frontend;
    }

    private Path pcap(String name, List<byte[]> frames) throws IOException {
        Path file = dir.resolve(name);
        Pcap.write(file, Pcap.MAGIC_MICROS, frames);
        return file;
    }

    private String logs(SwitchProcess sw, VirtioUserFrontend... frontends) {
        StringBuilder all = new StringBuilder(sw.log());
        all.append('\n').append(sw.diagnostics());
        for (VirtioUserFrontend frontend : frontends) {
            frontend.showPortStats();
            all.append('\n').append(frontend.log());
        }
        return all.toString();
    }

    /** Both ends ready: the switch has the link up and the frontend has its rx ring filled. */
    private void awaitConnected(SwitchProcess sw, String port, VirtioUserFrontend frontend) throws Exception {
        awaitLinks(sw, true, port);
        frontend.awaitPortsStarted(Duration.ofSeconds(30));
    }

    private void awaitLinks(SwitchProcess sw, boolean up, String... ports) throws Exception {
        Await.until("links " + List.of(ports) + (up ? " up" : " down") + " at the switch", Duration.ofSeconds(30), () -> {
            try {
                for (String port : ports) {
                    if (sw.linkUp(port) != up) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** @param logs evaluated only on failure: what every process said up to then */
    private static void awaitFrames(Path file, int count, Supplier<String> logs) throws InterruptedException {
        try {
            Await.until(count + " frames in " + file.getFileName(), Duration.ofSeconds(60), () -> completeRecords(file) >= count);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (have " + completeRecords(file) + ")\n" + logs.get(), e);
        }
    }

    /** Records fully written so far (the pcap PMD flushes after every burst; a read may catch one half written). */
    private static int completeRecords(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = 24;
        int records = 0;
        while (at + 16 <= bytes.length && at + 16 + b.getInt(at + 8) <= bytes.length) {
            at += 16 + b.getInt(at + 8);
            records++;
        }
        return records;
    }

    private static void assertSameFrames(Path out, List<byte[]> expected, String logs) throws IOException {
        List<byte[]> got = Pcap.read(out).packets();
        assertThat(got).as("frames in %s\n%s", out.getFileName(), logs).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(got.get(i)).as("frame %d of %s", i, out.getFileName()).isEqualTo(expected.get(i));
        }
    }

    @Test
    void framesCrossTheSwitchUnchangedInBothDirectionsAndStayInTheirSegment() throws Exception {
        List<byte[]> inA = Frames.mix(300, 21);
        List<byte[]> inB = Frames.mix(200, 22);
        List<byte[]> inC = Frames.mix(150, 23);
        Path outA = dir.resolve("out-a.pcap");
        Path outB = dir.resolve("out-b.pcap");
        Path outC = dir.resolve("out-c.pcap");
        Path outD = dir.resolve("out-d.pcap");
        SwitchProcess sw = startSwitch(0);
        VirtioUserFrontend a = frontend("a", "a.sock", pcap("in-a.pcap", inA), outA);
        VirtioUserFrontend b = frontend("b", "b.sock", pcap("in-b.pcap", inB), outB);
        VirtioUserFrontend c = frontend("c", "c.sock", pcap("in-c.pcap", inC), outC);
        VirtioUserFrontend d = frontend("d", "d.sock", pcap("empty.pcap", List.of()), outD);
        awaitConnected(sw, "net_vhost0", a);
        awaitConnected(sw, "net_vhost1", b);
        awaitConnected(sw, "net_vhost2", c);
        awaitConnected(sw, "net_vhost3", d);
        a.forward();
        b.forward();
        c.forward();
        d.forward();
        awaitFrames(outB, inA.size(), () -> logs(sw, a, b, c, d));
        awaitFrames(outA, inB.size(), () -> logs(sw, a, b, c, d));
        awaitFrames(outD, inC.size(), () -> logs(sw, a, b, c, d));
        for (VirtioUserFrontend frontend : List.of(a, b, c, d)) {
            frontend.quit();
        }
        String logs = logs(sw, a, b, c, d);
        assertSameFrames(outB, inA, logs);
        assertSameFrames(outA, inB, logs);
        assertSameFrames(outD, inC, logs);
        assertSameFrames(outC, List.of(), logs);
        assertThat(sw.drops()).as(logs).isZero();
        assertThat(sw.alive()).as(logs).isTrue();
    }

    /**
     * A VM restarting: its frontend goes away (the switch's port goes link down) and a new one connects
     * to the same socket; the port carries frames again, in both directions, without touching the
     * switch. Here with idleSleepUs, as on a shared CPU: the workers sleep while the frontends are away.
     */
    @Test
    void aFrontendThatReconnectsCarriesFramesAgain() throws Exception {
        List<byte[]> first = Frames.mix(100, 31);
        List<byte[]> afterReconnect = Frames.mix(120, 32);
        List<byte[]> back = Frames.mix(80, 33);
        Path empty = pcap("empty.pcap", List.of());
        SwitchProcess sw = startSwitch(100);
        Path outB = dir.resolve("out-b.pcap");
        VirtioUserFrontend b = frontend("b", "b.sock", empty, outB);
        VirtioUserFrontend a1 = frontend("a1", "a.sock", pcap("in-a1.pcap", first), dir.resolve("out-a1.pcap"));
        awaitConnected(sw, "net_vhost0", a1);
        awaitConnected(sw, "net_vhost1", b);
        b.forward();
        a1.forward();
        awaitFrames(outB, first.size(), () -> logs(sw, a1, b));

        a1.quit();
        awaitLinks(sw, false, "net_vhost0");
        Path outA2 = dir.resolve("out-a2.pcap");
        VirtioUserFrontend a2 = frontend("a2", "a.sock", pcap("in-a2.pcap", afterReconnect), outA2);
        awaitConnected(sw, "net_vhost0", a2);
        a2.forward();
        awaitFrames(outB, first.size() + afterReconnect.size(), () -> logs(sw, a2, b));

        // and the other side restarts too: frames from the new b reach the reconnected a
        b.quit();
        awaitLinks(sw, false, "net_vhost1");
        VirtioUserFrontend b2 = frontend("b2", "b.sock", pcap("in-b2.pcap", back), dir.resolve("out-b2.pcap"));
        awaitConnected(sw, "net_vhost1", b2);
        b2.forward();
        awaitFrames(outA2, back.size(), () -> logs(sw, a2, b2));
        a2.quit();
        b2.quit();

        String logs = logs(sw, a2, b, b2);
        List<byte[]> intoB = new ArrayList<>(first);
        intoB.addAll(afterReconnect);
        assertSameFrames(outB, intoB, logs);
        assertSameFrames(outA2, back, logs);
        assertThat(sw.drops()).as(logs).isZero();
        assertThat(sw.alive()).as(logs).isTrue();
    }
}
