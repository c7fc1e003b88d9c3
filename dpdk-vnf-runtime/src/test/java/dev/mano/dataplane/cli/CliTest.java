package dev.mano.dataplane.cli;

import dev.mano.dataplane.eal.Hugepages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command line as a user runs it: each case forks a JVM (one EAL per process), so a bad EAL
 * argument or a real-hugepage run cannot disturb the test JVM's own EAL.
 */
class CliTest {
    private static final String CONFIG = """
            ports:
              - {name: net_null0, devargs: net_null0}
              - {name: net_null1, devargs: net_null1}
            l2fwd:
              mode: macswap
              pairs: [[net_null0, net_null1]]
            """;

    @TempDir
    Path dir;

    record Result(int exit, String output) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output));
    }

    private Path config(String text) throws IOException {
        return Files.writeString(dir.resolve("vnf.yaml"), text);
    }

    private static String prefix() {
        return "cli-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @Test
    void runsL2fwdForADurationWithoutHugepagesAndPrintsTotals() throws Exception {
        Result result = run("--vnf", "l2fwd", "--config", config(CONFIG).toString(), "--duration", "1.5",
                "--", "-l", "0-1", "-n", "1", "--no-huge", "-m", "256", "--no-pci", "--file-prefix", prefix());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("running l2fwd").containsPattern("total port=net_null0 rx=[1-9]\\d*")
                .containsPattern("stats t=\\S+ lcore=1 rx_mpps=");
    }

    @Test
    void stopsOnTimeWithoutStatsLines() throws Exception {
        Result result = run("--vnf", "l2fwd", "--config", config(CONFIG).toString(), "--duration", "1", "--stats-interval", "0",
                "--", "-l", "0-1", "-n", "1", "--no-huge", "-m", "256", "--no-pci", "--file-prefix", prefix());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("stats t=").contains("total port=net_null0");
    }

    @Test
    void runsOnRealHugepages() throws Exception {
        Hugepages pages = Hugepages.current();
        assumeTrue(pages.freePages() >= 64 && pages.hugetlbfsMounted(),
                "needs 64 free hugepages and a hugetlbfs mount (./mano test reserves 512 x 2 MB at /dev/hugepages); have " + pages);
        // --huge-unlink: EAL removes its page files once mapped; without it every run left 64 pages behind in
        // /dev/hugepages under its own prefix, and repeated test runs ate the pool the VMs need
        String prefix = prefix();
        Result result = run("--vnf", "l2fwd", "--config", config(CONFIG).toString(), "--duration", "1",
                "--", "-l", "0-1", "-n", "1", "-m", "128", "--no-pci", "--huge-unlink", "--file-prefix", prefix);
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).containsPattern("total port=net_null1 rx=[1-9]\\d*");
        try (var left = java.nio.file.Files.list(java.nio.file.Path.of("/dev/hugepages"))) {
            assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix))).as("page files left behind").isEmpty();
        }
    }

    @Test
    void aBadConfigNamesTheFileAndTheKeyAndExitsWith2() throws Exception {
        Path file = config(CONFIG.replace("queues", "x").replace("mode: macswap", "mode: mirror"));
        Result result = run("--vnf", "l2fwd", "--config", file.toString(), "--", "--no-huge");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains(file + ": l2fwd.mode: expected macswap, rewrite or patch, got 'mirror'")
                .doesNotContain("Exception");
    }

    @Test
    void anUnknownPortInAPairIsAConfigError() throws Exception {
        Result result = run("--vnf", "l2fwd", "--config", config(CONFIG.replace("[[net_null0, net_null1]]", "[[net_null0, net_null7]]")).toString(),
                "--", "-l", "0-1", "--no-huge", "-m", "256", "--no-pci", "--file-prefix", prefix());
        assertThat(result.exit()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains("uses port net_null7 which is not in the ports section");
    }

    @Test
    void aBadEalArgumentExitsWith3AndNoJvmCrash() throws Exception {
        Result result = run("--vnf", "l2fwd", "--config", config(CONFIG).toString(),
                "--", "-l", "0-1", "--no-huge", "--no-such-eal-option", "--file-prefix", prefix());
        assertThat(result.exit()).as(result.output()).isEqualTo(3);
        assertThat(result.output()).contains("EAL initialisation failed for arguments").doesNotContain("SIGSEGV");
        assertThat(dir.toFile().list((d, name) -> name.startsWith("hs_err"))).isEmpty();
    }

    @Test
    void aBadDeviceExitsWith3AndSaysWhichDevice() throws Exception {
        Result result = run("--vnf", "l2fwd", "--config", config(CONFIG.replace("net_null1", "net_nosuchdriver1")).toString(),
                "--", "-l", "0-1", "--no-huge", "-m", "256", "--no-pci", "--file-prefix", prefix());
        assertThat(result.exit()).as(result.output()).isEqualTo(3);
        assertThat(result.output()).contains("probing device 'net_nosuchdriver1' for port net_nosuchdriver1");
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        Result missing = run("--config", "x.yaml");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.output()).contains("--vnf is required").contains("usage: dpdk-vnf-runtime");
        Result unknown = run("--vnf", "bridge", "--config", "x.yaml");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("unknown --vnf bridge (known: chain, firewall, l2fwd, lb, nat44, router, upf)");
        Result badAgent = run("--vnf", "l2fwd", "--config", "x.yaml", "--agent", "udp:1");
        assertThat(badAgent.exit()).isEqualTo(2);
        assertThat(badAgent.output()).contains("--agent: expected tcp:PORT or serial:PATH, got udp:1");
    }

    @Test
    void withoutHugepagesTheMessageSaysHowToGetThem() {
        var none = new Hugepages(0, 0, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> none.requireFor(List.of("-l", "0-1")))
                .hasMessageContaining("no free hugepages")
                .hasMessageContaining("echo 512 > /proc/sys/vm/nr_hugepages")
                .hasMessageContaining("mount -t hugetlbfs nodev /dev/hugepages")
                .hasMessageContaining("--no-huge");
        none.requireFor(List.of("--no-huge"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Hugepages(10, 20 << 20, false).requireFor(List.of()))
                .hasMessageContaining("no hugetlbfs is mounted");
    }
}
