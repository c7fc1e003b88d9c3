package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.vnf.router.Dir24_8Table;
import dev.mano.dataplane.vnf.router.Ipv4Address;
import dev.mano.dataplane.vnf.router.RouterVnf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigReloaderTest {
    static final String FILE = """
            ports:
              - {name: a, devargs: net_null_a}
              - {name: b, devargs: net_null_b}
            router:
              ports: [a, b]
              neighbours:
                - {name: up, port: b, mac: "02:00:00:00:00:01"}
              routes:
                - {destination: %s, via: up}
            """;

    @TempDir
    Path dir;

    private void write(Path file, String content, int secondsAhead) throws Exception {
        Files.writeString(file, content);
        // Distinct modification times even on file systems with coarse timestamps.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsAhead)));
    }

    @Test
    void appliesAnEditedFileAndKeepsTheRunningConfigWhenTheEditIsInvalid() throws Exception {
        Path file = dir.resolve("vnf.yaml");
        write(file, FILE.formatted("198.18.0.0/16"), 0);
        RouterVnf vnf = RouterVnf.fromConfig(RuntimeConfig.load(file, "router").vnf());
        vnf.build(TestConfig.PORTS);
        try (ConfigReloader reloader = new ConfigReloader(file, "router", vnf, Duration.ofHours(1))) {
            int probe = Ipv4Address.parse("203.0.113.7");
            assertThat(vnf.router().lookup(probe)).isEqualTo(Dir24_8Table.NO_ROUTE);
            assertThat(reloader.checkOnce()).isFalse();

            write(file, FILE.formatted("203.0.113.0/24"), 10);
            assertThat(reloader.checkOnce()).isTrue();
            assertThat(vnf.router().lookup(probe)).isZero();
            assertThat(vnf.router().lookup(Ipv4Address.parse("198.18.0.1"))).isEqualTo(Dir24_8Table.NO_ROUTE);

            write(file, FILE.formatted("203.0.113.0/99"), 20);
            assertThat(reloader.checkOnce()).isFalse();
            assertThat(reloader.lastError()).contains("router.routes[0].destination");
            assertThat(vnf.router().lookup(probe)).isZero();
            assertThat(reloader.reloads()).isEqualTo(1);
        } finally {
            vnf.router().close();
        }
    }
}
