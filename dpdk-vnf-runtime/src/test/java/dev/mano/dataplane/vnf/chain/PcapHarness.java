package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.engine.DataplaneSnapshot;
import dev.mano.dataplane.engine.LcoreSnapshot;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.testing.Await;
import dev.mano.dataplane.testing.Pcap;
import dev.mano.dataplane.testing.TestEal;
import dev.mano.dataplane.vnf.Vnf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a VNF on real DPDK between two net_pcap ports: each port replays its input file once, and
 * what the VNF transmits lands in that port's output file. Returns once every input packet was either
 * transmitted or counted as a drop, with the ports closed (so the pcap writers flushed).
 *
 * <p>Order: one worker polls port A's queue, then port B's, and the pcap PMD hands out up to a burst
 * (32) per call, so with at most 32 packets on A all of A's packets pass before any of B's. Tests of
 * stateful VNFs rely on that to have outbound packets create state before replies arrive.
 */
public final class PcapHarness {
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** What came out of each port, the engine's counters, and the VNF for its own counters. */
    public record Result(List<byte[]> outA, List<byte[]> outB, DataplaneSnapshot snapshot, String portA, String portB) {
        public long drops() {
            return snapshot.lcores().stream().mapToLong(LcoreSnapshot::totalDrops).sum();
        }
    }

    private PcapHarness() {
    }

    /**
     * @param section the VNF's YAML section with {@code %1$s} / {@code %2$s} standing for the two port names
     */
    public static Result run(Path dir, String type, String section, Function<RuntimeConfig, Vnf> factory,
                             List<byte[]> inA, List<byte[]> inB) throws Exception {
        int run = RUNS.incrementAndGet();
        String a = "net_pcap_" + type + run + "a";
        String b = "net_pcap_" + type + run + "b";
        Path pcapA = dir.resolve(a + "-in.pcap");
        Path pcapB = dir.resolve(b + "-in.pcap");
        Path outA = dir.resolve(a + "-out.pcap");
        Path outB = dir.resolve(b + "-out.pcap");
        Pcap.write(pcapA, Pcap.MAGIC_MICROS, inA);
        Pcap.write(pcapB, Pcap.MAGIC_MICROS, inB);
        RuntimeConfig config = RuntimeConfig.parse(type + ".yaml", """
                ports:
                  - {name: %s, devargs: "%s,rx_pcap=%s,tx_pcap=%s", queues: 1}
                  - {name: %s, devargs: "%s,rx_pcap=%s,tx_pcap=%s", queues: 1}
                """.formatted(a, a, pcapA, outA, b, b, pcapB, outB) + section.formatted(a, b), type);
        Vnf vnf = factory.apply(config);
        int expected = inA.size() + inB.size();
        DataplaneSnapshot snapshot;
        try (RunningVnf running = RunningVnf.start(TestEal.get(), config, vnf)) {
            Await.until(expected + " packets received and each transmitted or dropped", Duration.ofSeconds(30), () -> {
                List<LcoreSnapshot> lcores = running.snapshot().lcores();
                long rx = lcores.stream().mapToLong(LcoreSnapshot::rxPackets).sum();
                long done = lcores.stream().mapToLong(l -> l.txPackets() + l.totalDrops()).sum();
                return rx >= expected && done >= rx;
            });
            running.stop();
            snapshot = running.snapshot();
            if (running.engine().failure().isPresent()) {
                throw new AssertionError("a worker died", running.engine().failure().get());
            }
        }
        return new Result(read(outA), read(outB), snapshot, a, b);
    }

    private static List<byte[]> read(Path file) throws Exception {
        return Files.exists(file) ? Pcap.read(file).packets() : List.of();
    }

    /**
     * Checks every IPv4 packet's header and TCP/UDP/ICMP checksums with scapy (an implementation that
     * shares nothing with ours): it recomputes them from scratch and compares. Returns scapy's report,
     * or null when scapy is not installed.
     */
    public static String scapyChecksumReport(Path dir, List<byte[]> packets) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            return null;
        }
        Path pcap = dir.resolve("scapy-" + RUNS.incrementAndGet() + ".pcap");
        Pcap.write(pcap, Pcap.MAGIC_MICROS, packets);
        String script = """
                import sys
                try:
                    from scapy.all import rdpcap, Ether, IP, TCP, UDP, ICMP
                except ImportError:
                    print("NO-SCAPY"); sys.exit(0)
                bad = []
                packets = rdpcap(sys.argv[1])
                for i, p in enumerate(packets):
                    if IP not in p:
                        continue
                    ip = p[IP]
                    fresh = Ether(bytes(p))
                    del fresh[IP].chksum
                    for layer in (TCP, UDP, ICMP):
                        if layer in fresh and not (layer is UDP and p[UDP].chksum == 0):
                            del fresh[layer].chksum
                    fresh = Ether(bytes(fresh))
                    if fresh[IP].chksum != ip.chksum:
                        bad.append("%d ip %#x != %#x" % (i, ip.chksum, fresh[IP].chksum))
                    for layer in (TCP, UDP, ICMP):
                        if layer in p and fresh[layer].chksum != p[layer].chksum:
                            bad.append("%d %s %#x != %#x" % (i, layer.__name__, p[layer].chksum, fresh[layer].chksum))
                print("checked %d packets, %d bad: %s" % (len(packets), len(bad), "; ".join(bad[:5])))
                """;
        Path file = dir.resolve("check.py");
        Files.writeString(file, script);
        Process process = new ProcessBuilder(python.toString(), file.toString(), pcap.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        if (process.waitFor() != 0) {
            throw new AssertionError("scapy check failed: " + output);
        }
        return output.contains("NO-SCAPY") ? null : output;
    }
}
