package dev.mano.orchestrator.chainswitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch process of one host, the real runtime: a switch left behind by a killed orchestrator is stopped
 * before a new one starts (it would hold the sockets and the DPDK file prefix), and a pid file that names some
 * other process harms nothing.
 */
class SwitchProcessTest {
    @TempDir Path dir;
    String name;
    ChainSwitchProperties props;

    @BeforeEach
    void setUp() {
        SwitchRuntime.assumeAvailable();
        name = "t" + UUID.randomUUID().toString().substring(0, 7);
        props = new ChainSwitchProperties(true, SwitchRuntime.CLASSPATH, 0, 256, 200, "kvm", Duration.ofSeconds(30), true);
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
                assertThat(SwitchRuntime.listening(segment.upstream())).isTrue();
                assertThat(SwitchRuntime.listening(segment.downstream())).isTrue();
                assertThat(Files.readString(dir.resolve(name + ".pid")).trim()).isNotEqualTo(Long.toString(orphan.pid()));

                // a pid file naming an unrelated process (the pid was reused): that process lives on
                sw.stop();
                Files.writeString(dir.resolve(name + ".pid"), Long.toString(bystander.pid()));
                sw.attach(segment);
                assertThat(bystander.isAlive()).isTrue();
                assertThat(SwitchRuntime.listening(segment.upstream())).isTrue();
            } finally {
                sw.stop();
            }
            assertThat(sw.running()).isFalse();
        } finally {
            orphan.destroyForcibly();
            bystander.destroyForcibly();
        }
    }
}
