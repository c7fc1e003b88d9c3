package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.testing.Pcap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * firewall and router in two processes (two EALs), joined by a memif link chosen in their configs
 * only: pcap in -> [process A: firewall] -> memif -> [process B: router] -> pcap out. A replays its
 * input in a loop (packets sent before the memif link is up are dropped by A, so the test does not
 * count on the first ones); every packet B writes must be the router's rewrite of one of the inputs.
 */
class InterProcessChainTest {
    static final byte[] GW = Packets.mac(2, 0, 0, 0, 0x0b, 1);
    static final byte[] OWN = Packets.mac(2, 0, 0, 0, 0x0b, 0xff);

    @TempDir
    Path dir;

    private Process start(String type, Path config, String prefix, List<String> log, AtomicLong tx) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-Dnf.stats.ms=100", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                NfRunner.class.getName(), type, config.toString(),
                "-l", "0-1", "-n", "1", "--no-huge", "-m", "256", "--no-pci", "--file-prefix", prefix,
                "--log-level", "lib.eal:warning"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (log) {
                        log.add(line);
                    }
                    if (line.startsWith("stats ")) {
                        tx.set(Long.parseLong(line.replaceAll(".* tx=(\\d+).*", "$1")));
                    }
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        return process;
    }

    @Test
    void firewallAndRouterInTwoProcessesOverMemif() throws Exception {
        List<byte[]> in = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            in.add(Packets.udpFrame("10.0.0." + (i + 1), "198.18.1." + (i + 1), 5000 + i, 53, 64, i));
        }
        Path input = dir.resolve("in.pcap");
        Path empty = dir.resolve("empty.pcap");
        Path output = dir.resolve("out.pcap");
        Pcap.write(input, Pcap.MAGIC_MICROS, in);
        Pcap.write(empty, Pcap.MAGIC_MICROS, List.of());
        Path socket = dir.resolve("memif.sock");
        String tag = Long.toString(ProcessHandle.current().pid());
        Path firewallConfig = dir.resolve("firewall.yaml");
        Files.writeString(firewallConfig, """
                ports:
                  - {name: net_pcap_ipc%1$s, devargs: "net_pcap_ipc%1$s,rx_pcap=%2$s,infinite_rx=1,tx_pcap=/dev/null", queues: 1}
                  - {name: net_memif_ipc%1$sa, devargs: "net_memif_ipc%1$sa,role=server,socket=%3$s", queues: 1}
                mempool: {mbufs: 4095}
                firewall:
                  ports: [net_pcap_ipc%1$s, net_memif_ipc%1$sa]
                  rules: [{action: allow, protocol: udp, source: 10.0.0.0/8, destination-ports: "53"}]
                """.formatted(tag, input, socket));
        Path routerConfig = dir.resolve("router.yaml");
        Files.writeString(routerConfig, """
                ports:
                  - {name: net_memif_ipc%1$sb, devargs: "net_memif_ipc%1$sb,role=client,socket=%2$s", queues: 1}
                  - {name: net_pcap_ipcout%1$s, devargs: "net_pcap_ipcout%1$s,rx_pcap=%3$s,tx_pcap=%4$s", queues: 1}
                mempool: {mbufs: 4095}
                router:
                  ports: [net_memif_ipc%1$sb, net_pcap_ipcout%1$s]
                  neighbours:
                    - {name: isp, port: net_pcap_ipcout%1$s, mac: "02:00:00:00:0b:01", source-mac: "02:00:00:00:0b:ff"}
                  routes:
                    - {destination: 198.18.0.0/16, via: isp}
                """.formatted(tag, socket, empty, output));

        List<String> firewallLog = new ArrayList<>();
        List<String> routerLog = new ArrayList<>();
        AtomicLong firewallTx = new AtomicLong();
        AtomicLong routerTx = new AtomicLong();
        Process firewall = start("firewall", firewallConfig, "ipcfw" + tag, firewallLog, firewallTx);
        Process router = null;
        try {
            // The memif client connects once, when its port starts: the server's socket must exist by then.
            long started = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (firewall.isAlive() && System.nanoTime() < started) {
                synchronized (firewallLog) {
                    if (firewallLog.stream().anyMatch(line -> line.startsWith("running firewall"))) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            router = start("router", routerConfig, "ipcrt" + tag, routerLog, routerTx);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (routerTx.get() < in.size() && System.nanoTime() < deadline) {
                if (!firewall.isAlive() || !router.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            firewall.destroy();
        } finally {
            firewall.destroy();
            firewall.waitFor(20, TimeUnit.SECONDS);
            if (router != null) {
                router.destroy();
                router.waitFor(20, TimeUnit.SECONDS);
            }
        }
        String logs = "firewall:\n" + String.join("\n", firewallLog) + "\nrouter:\n" + String.join("\n", routerLog);
        Assumptions.assumeFalse(logs.contains("net_memif") && logs.contains("Invalid") && routerTx.get() == 0,
                "this DPDK build cannot create memif ports here:\n" + logs);
        assertThat(routerTx.get()).as(logs).isGreaterThanOrEqualTo(in.size());

        Set<String> expected = new HashSet<>();
        for (byte[] frame : in) {
            byte[] routed = frame.clone();
            System.arraycopy(GW, 0, routed, 0, 6);
            System.arraycopy(OWN, 0, routed, 6, 6);
            routed[22]--;
            routed[24] = 0;
            routed[25] = 0;
            int sum = Packets.checksum(routed, 14, 20, 0);
            routed[24] = (byte) (sum >> 8);
            routed[25] = (byte) sum;
            expected.add(Arrays.toString(routed));
        }
        List<byte[]> out = Pcap.read(output).packets();
        assertThat(out.size()).as(logs).isGreaterThanOrEqualTo(in.size());
        Set<String> seen = new HashSet<>();
        for (byte[] frame : out) {
            assertThat(expected).as("every packet out of the router is a routed input").contains(Arrays.toString(frame));
            seen.add(Arrays.toString(frame));
        }
        assertThat(seen).as("every input made it through both processes").hasSize(in.size());
    }
}
