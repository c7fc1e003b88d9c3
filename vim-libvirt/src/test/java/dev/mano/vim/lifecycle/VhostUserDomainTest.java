package dev.mano.vim.lifecycle;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.QemuSystemHost;
import dev.mano.vim.domain.Boot;
import dev.mano.vim.domain.CpuFeatureWorkarounds;
import dev.mano.vim.domain.DomainSpec;
import dev.mano.vim.domain.GuestNumaCell;
import dev.mano.vim.domain.HugepageBacking;
import dev.mano.vim.domain.NetInterface;
import dev.mano.vim.domain.VcpuPin;
import dev.mano.vim.domain.VirtType;
import dev.mano.vim.domain.VnfcMetadata;
import dev.mano.vim.inventory.HostInventoryReader;
import dev.mano.vim.inventory.HostTopology;
import dev.mano.vim.inventory.HugepagePool;
import dev.mano.vim.inventory.NumaCell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A vhost-user port from our XML, against a real vhost backend: DPDK's testpmd with the vhost PMD as the socket's
 * server, the guest (hugepage memory, shared) as client. Proves QEMU connects and negotiates with the backend.
 */
class VhostUserDomainTest {
    private static final Path TESTPMD = Path.of("/usr/bin/dpdk-testpmd");
    private static final long MEMORY_MIB = 64;
    @TempDir
    Path dir;

    @Test
    void guestConnectsToADpdkVhostBackend() throws Exception {
        QemuSystemHost.assumeReachable();
        Assumptions.assumeTrue(Files.isExecutable(TESTPMD), "dpdk-testpmd is not installed (apt-get install dpdk-dev)");
        HostTopology host = HostInventoryReader.read(QemuSystemHost.URI);
        NumaCell cell = host.cells().getFirst();
        long free = cell.hugepages().stream().filter(p -> p.pageSizeKib() == 2048).mapToLong(HugepagePool::free).findFirst().orElse(0);
        Assumptions.assumeTrue(free * 2 >= MEMORY_MIB, "vhost-user needs shared hugepage memory: " + free + " free 2 MiB pages on cell "
                + cell.id() + ", needs " + MEMORY_MIB / 2);
        Assumptions.assumeTrue(cell.cpus().size() >= 2, "testpmd needs two lcores");

        // QEMU runs as its own user: it must reach the socket
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = dir.resolve("vhu0.sock");
        Path log = dir.resolve("testpmd.log");
        String filePrefix = "mano-vhu-" + ProcessHandle.current().pid();
        Process backend = new ProcessBuilder(TESTPMD.toString(), "-l", "0-1", "--no-pci", "--no-huge", "-m", "256",
                "--file-prefix", filePrefix, "--vdev", "net_vhost0,iface=" + socket,
                "--", "-i", "--total-num-mbufs=4096")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String name = "mano-test-vhu-" + UUID.randomUUID().toString().substring(0, 8);
        Connect connect = LibvirtConnection.open(QemuSystemHost.URI);
        try {
            awaitFile(socket, backend, log);
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
            DomainLifecycle lifecycle = new DomainLifecycle(connect);
            DomainSpec spec = new DomainSpec(name, UUID.randomUUID(), new VnfcMetadata("vnfc-" + name, "vnf-vhu", null),
                    VirtType.forHost(host), List.of(new VcpuPin(0, List.of(cell.cpus().getLast().id()))), List.of(), MEMORY_MIB,
                    new HugepageBacking(2048, List.of(), false), List.of(new GuestNumaCell(0, List.of(0), MEMORY_MIB, cell.id())),
                    List.of(cell.id()), new Boot.Firmware(),
                    List.of(new NetInterface.VhostUser(socket.toString(), NetInterface.VhostUserMode.CLIENT, "52:54:00:00:0e:01")),
                    null, null, CpuFeatureWorkarounds.forHost(host));
            lifecycle.define(spec);
            try {
                lifecycle.start(name);
                assertEquals(Optional.of(DomainState.RUNNING), lifecycle.state(name));
                awaitLogLine(log, "new vhost user connection", Duration.ofSeconds(15));
                String xml = lifecycle.xml(name).orElseThrow();
                assertTrue(xml.contains("<access mode='shared'/>"), xml);
                assertTrue(xml.contains("memAccess='shared'"), xml);
            } finally {
                lifecycle.destroy(name);
                lifecycle.undefine(name);
            }
            assertEquals(Optional.empty(), lifecycle.state(name));
        } finally {
            connect.close();
            backend.destroy();
            if (!backend.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                backend.destroyForcibly();
            }
            deleteDpdkRuntimeDirectory(Path.of("/var/run/dpdk", filePrefix));
        }
    }

    /** testpmd leaves its EAL runtime directory (config, mp socket) behind on exit. */
    private static void deleteDpdkRuntimeDirectory(Path runtime) throws IOException {
        if (Files.isDirectory(runtime)) {
            try (var files = Files.walk(runtime)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void awaitFile(Path file, Process backend, Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(file)) {
            if (!backend.isAlive()) {
                throw new AssertionError("testpmd exited before creating its vhost socket:\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("testpmd created no vhost socket within 20 s:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private static void awaitLogLine(Path log, String text, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("testpmd never logged '" + text + "':\n" + Files.readString(log));
    }
}
