package dev.mano.orchestrator.chainswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch process of one host, the real runtime: a switch left behind by a killed orchestrator is stopped
 * before a new one starts (it would hold the sockets and the DPDK file prefix), and a pid file that names some
 * other process harms nothing.
 */
class SwitchProcessTest {
    private static final String CLASSPATH = "../dpdk-vnf-runtime/target/*:../dpdk-vnf-runtime/target/lib/*";
    @TempDir Path dir;
    String name;
    ChainSwitchProperties props;

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/bin/dpdk-testpmd")) || Files.isDirectory(Path.of("/usr/lib/x86_64-linux-gnu/dpdk")),
                "DPDK is not installed (apt-get install dpdk): the chain switch is a DPDK process");
        Assumptions.assumeTrue(Files.isDirectory(Path.of("../dpdk-vnf-runtime/target/lib")),
                "the runtime is not built (../dpdk-vnf-runtime/target/lib): build the reactor, not this module alone");
        name = "t" + UUID.randomUUID().toString().substring(0, 7);
        props = new ChainSwitchProperties(true, CLASSPATH, 0, 256, 200, "kvm", Duration.ofSeconds(30), true);
    }

    @Test
    void aSwitchLeftByAKilledOrchestratorIsStoppedFirst() throws Exception {
        // stands for the orphan: carries the switch's file prefix on its command line, as the real one does (a shell
        // builtin loop, so no child outlives it)
        Process orphan = new ProcessBuilder("bash", "-c", "while :; do read -r -t 1 _; done", "--file-prefix", "mano-switch-" + name).start();
        Process bystander = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dir.resolve(name + ".pid"), Long.toString(orphan.pid()));
            SwitchProcess sw = new SwitchProcess(name, dir, props);
            SwitchSegment segment = new SwitchSegment("seg-1", dir.resolve("vhost/seg-1-up.sock"), dir.resolve("vhost/seg-1-down.sock"));
            try {
                sw.attach(segment);
                assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).as("the orphan was stopped").isTrue();
                assertThat(listening(segment.upstream())).isTrue();
                assertThat(listening(segment.downstream())).isTrue();
                assertThat(Files.readString(dir.resolve(name + ".pid")).trim()).isNotEqualTo(Long.toString(orphan.pid()));

                // a pid file naming an unrelated process (the pid was reused): that process lives on
                sw.stop();
                Files.writeString(dir.resolve(name + ".pid"), Long.toString(bystander.pid()));
                sw.attach(segment);
                assertThat(bystander.isAlive()).isTrue();
                assertThat(listening(segment.upstream())).isTrue();
            } finally {
                sw.stop();
            }
            assertThat(sw.running()).isFalse();
        } finally {
            orphan.destroyForcibly();
            bystander.destroyForcibly();
        }
    }

    private static boolean listening(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }
}
