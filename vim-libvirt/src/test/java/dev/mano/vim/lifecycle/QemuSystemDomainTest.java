package dev.mano.vim.lifecycle;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.QemuSystemHost;
import dev.mano.vim.VimException;
import dev.mano.vim.domain.Boot;
import dev.mano.vim.domain.CpuFeatureWorkarounds;
import dev.mano.vim.domain.DomainSpec;
import dev.mano.vim.domain.DomainXmlReader;
import dev.mano.vim.domain.GuestNumaCell;
import dev.mano.vim.domain.HugepageBacking;
import dev.mano.vim.domain.VcpuPin;
import dev.mano.vim.domain.VirtType;
import dev.mano.vim.domain.VnfcMetadata;
import dev.mano.vim.events.DomainEventKind;
import dev.mano.vim.events.DomainEventSubscription;
import dev.mano.vim.events.DomainLifecycleEvent;
import dev.mano.vim.inventory.HostInventoryReader;
import dev.mano.vim.inventory.HostTopology;
import dev.mano.vim.inventory.HugepagePool;
import dev.mano.vim.inventory.NumaCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real VM on this machine's libvirtd, from our generated XML: KVM or TCG as the host's domain capabilities say,
 * one vCPU pinned, emulator pinned, memory from 2 MiB hugepages when the host has free ones. It has no boot media
 * and sits in its firmware; that is enough to check what libvirt and QEMU made of the XML.
 */
class QemuSystemDomainTest {
    private static final long MEMORY_MIB = 64;
    private final String name = "mano-test-" + UUID.randomUUID().toString().substring(0, 8);
    private Connect connect;
    private DomainLifecycle lifecycle;
    @TempDir
    Path dir;

    @BeforeEach
    void connect() throws VimException {
        QemuSystemHost.assumeReachable();
        connect = LibvirtConnection.open(QemuSystemHost.URI);
        lifecycle = new DomainLifecycle(connect);
    }

    @AfterEach
    void cleanUp() throws VimException, LibvirtException {
        if (lifecycle != null) {
            lifecycle.removeIfPresent(name);
        }
        if (connect != null) {
            connect.close();
        }
    }

    @Test
    void pinnedVmBootsReportsItsPinningAndLeavesNothingBehind() throws Exception {
        bootCheckAndTearDown(false);
    }

    @Test
    void hugepageBackedVmGetsItsPagesAndGivesThemBack() throws Exception {
        bootCheckAndTearDown(true, false);
    }

    @Test
    void hugepageBackedVmWithLockedMemory() throws Exception {
        Optional<String> reason = LibvirtdMemoryLocking.impossibleBecause();
        Assumptions.assumeTrue(reason.isEmpty(), () -> "libvirtd cannot lock guest memory here: " + reason.orElse(""));
        bootCheckAndTearDown(true, true);
    }

    /** What a host without /dev/kvm gets: the same XML with type='qemu' and an emulated CPU model. */
    @Test
    void tcgVmBootsFromTheSameSpec() throws Exception {
        bootCheckAndTearDown(false, false, VirtType.TCG);
    }

    private void bootCheckAndTearDown(boolean withHugepages) throws Exception {
        bootCheckAndTearDown(withHugepages, false);
    }

    private void bootCheckAndTearDown(boolean withHugepages, boolean locked) throws Exception {
        bootCheckAndTearDown(withHugepages, locked, null);
    }

    private void bootCheckAndTearDown(boolean withHugepages, boolean locked, VirtType forcedVirtType) throws Exception {
        HostTopology host = HostInventoryReader.read(QemuSystemHost.URI);
        VirtType virtType = forcedVirtType != null ? forcedVirtType : VirtType.forHost(host);
        NumaCell cell = host.cells().getFirst();
        int vcpuHostCpu = cell.cpus().getLast().id();
        int emulatorCpu = cell.cpus().getFirst().id();
        HugepageBacking hugepages = null;
        long freeBefore = 0;
        if (withHugepages) {
            Optional<HugepagePool> twoMeg = cell.hugepages().stream().filter(p -> p.pageSizeKib() == 2048).findFirst();
            freeBefore = twoMeg.map(HugepagePool::free).orElse(0L);
            Assumptions.assumeTrue(freeBefore * 2 >= MEMORY_MIB, "cell " + cell.id() + " has " + freeBefore
                    + " free 2 MiB pages, the guest needs " + MEMORY_MIB / 2 + " (reserve some: echo 512 > /proc/sys/vm/nr_hugepages)");
            hugepages = new HugepageBacking(2048, List.of(), locked);
        }
        VnfcMetadata metadata = new VnfcMetadata("vnfc-" + name, "vnf-qemu-test", "ns-qemu-test");
        Path agentSocket = dir.resolve("agent.sock");
        Path consoleLog = dir.resolve("console.log");
        DomainSpec spec = new DomainSpec(name, UUID.randomUUID(), metadata, virtType,
                List.of(new VcpuPin(0, List.of(vcpuHostCpu))), List.of(emulatorCpu), MEMORY_MIB, hugepages,
                List.of(new GuestNumaCell(0, List.of(0), MEMORY_MIB, cell.id())), List.of(cell.id()), new Boot.Firmware(),
                List.of(), agentSocket.toString(), consoleLog.toString(), CpuFeatureWorkarounds.forHost(host));

        LinkedBlockingQueue<DomainLifecycleEvent> events = new LinkedBlockingQueue<>();
        try (DomainEventSubscription ignored = DomainEventSubscription.open(QemuSystemHost.URI, e -> {
            if (e.domainName().equals(name)) {
                events.add(e);
            }
        })) {
            lifecycle.define(spec);
            assertEquals(metadata, lifecycle.findByVnfcId(metadata.vnfcId()).orElseThrow().metadata());
            startOrSkipForMissingHugetlbfs(withHugepages);
            assertEquals(Optional.of(DomainState.RUNNING), lifecycle.state(name));
            awaitEvent(events, DomainEventKind.STARTED);

            DomainXmlReader.DomainFacts live = DomainXmlReader.read(lifecycle.xml(name).orElseThrow());
            assertEquals(spec.vcpuPins(), live.vcpuPins());
            assertEquals(List.of(emulatorCpu), live.emulatorCpus());
            assertEquals(spec.virtType(), live.virtType());
            assertEquals(withHugepages ? Optional.of(2048L) : Optional.empty(), live.hugepageSizeKib());
            assertEquals(locked, live.memoryLocked());
            int[] placement = lifecycle.vcpuHostCpus(name);
            assertEquals(1, placement.length);
            assertEquals(vcpuHostCpu, placement[0], "vCPU 0 runs where it is pinned");
            assertTrue(Files.exists(agentSocket), "libvirt created the agent channel's socket");
            long qemuPid = Long.parseLong(Files.readString(Path.of("/run/libvirt/qemu/" + name + ".pid")).trim());
            // the host's free-page count is shared with every other test on the machine: look at QEMU's own mappings
            assertEquals(withHugepages ? MEMORY_MIB * 1024 : 0, hugepageMappedKib(qemuPid, 2048),
                    "guest RAM mapped from 2 MiB pages by QEMU " + qemuPid);

            ShutdownOutcome outcome = lifecycle.shutdown(name, Duration.ofSeconds(2));
            assertTrue(outcome instanceof ShutdownOutcome.Graceful || outcome instanceof ShutdownOutcome.Destroyed, outcome.toString());
            assertEquals(Optional.of(DomainState.SHUT_OFF), lifecycle.state(name));
            awaitEvent(events, DomainEventKind.STOPPED);
            lifecycle.undefine(name);
            assertFalse(ProcessHandle.of(qemuPid).map(ProcessHandle::isAlive).orElse(false), "QEMU " + qemuPid + " is gone, its pages with it");
        }

        assertEquals(Optional.empty(), lifecycle.state(name));
        assertTrue(lifecycle.listOurs().stream().noneMatch(d -> d.name().equals(name)));
        assertFalse(Files.exists(Path.of("/run/libvirt/qemu/" + name + ".pid")), "no QEMU pid file left");
        assertFalse(Files.exists(Path.of("/etc/libvirt/qemu/" + name + ".xml")), "no persistent definition left");
    }

    /** Sum of the sizes of a process's mappings backed by pages of the given size (from /proc/PID/smaps). */
    private static long hugepageMappedKib(long pid, long pageSizeKib) throws java.io.IOException {
        long total = 0;
        long size = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps"))) {
            if (line.startsWith("Size:")) {
                size = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("KernelPageSize:") && Long.parseLong(line.replaceAll("\\D", "")) == pageSizeKib) {
                total += size;
            }
        }
        return total;
    }

    private void startOrSkipForMissingHugetlbfs(boolean hugepages) throws VimException {
        try {
            lifecycle.start(name);
        } catch (VimException e) {
            // libvirtd finds hugetlbfs mounts only when it starts: mounted later, it refuses hugepage guests
            Assumptions.assumeFalse(hugepages && e.getMessage().contains("hugetlbfs"),
                    "libvirtd does not see a hugetlbfs mount (mount /dev/hugepages before starting libvirtd): " + e.getMessage());
            throw e;
        }
    }

    private static void awaitEvent(LinkedBlockingQueue<DomainLifecycleEvent> events, DomainEventKind kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            DomainLifecycleEvent event = events.poll(500, TimeUnit.MILLISECONDS);
            if (event != null && event.kind() == kind) {
                return;
            }
        }
        assertNotNull(null, "no " + kind + " event within 15 s");
    }
}
