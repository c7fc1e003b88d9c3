package dev.mano.vim.lifecycle;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.VimException;
import dev.mano.vim.domain.Boot;
import dev.mano.vim.domain.DomainSpec;
import dev.mano.vim.domain.DomainXmlReader;
import dev.mano.vim.domain.SampleSpecs;
import dev.mano.vim.domain.VnfcMetadata;
import dev.mano.vim.events.DomainEventKind;
import dev.mano.vim.events.DomainEventSubscription;
import dev.mano.vim.events.DomainLifecycleEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lifecycle and events against libvirt's test driver (test:///default: shared state across connections of one process). */
class TestDriverLifecycleTest {
    private static final String URI = "test:///default";
    private Connect connect;
    private DomainLifecycle lifecycle;

    @BeforeEach
    void connect() throws VimException {
        connect = LibvirtConnection.open(URI);
        lifecycle = new DomainLifecycle(connect);
    }

    @AfterEach
    void close() throws LibvirtException {
        connect.close();
    }

    @Test
    void defineStartShutdownUndefineAndFindByMetadata() throws VimException {
        VnfcMetadata metadata = new VnfcMetadata("vnfc-td-1", "vnf-td", "ns-td");
        String name = "mano-td-1";
        lifecycle.define(SampleSpecs.smallTcg(name, metadata));

        assertEquals(Optional.of(DomainState.SHUT_OFF), lifecycle.state(name));
        assertEquals(Optional.of(new OurDomain(name, SampleSpecs.smallTcg(name, metadata).uuid().toString(), metadata,
                DomainState.SHUT_OFF)), lifecycle.findByVnfcId("vnfc-td-1"));

        lifecycle.start(name);
        assertEquals(Optional.of(DomainState.RUNNING), lifecycle.state(name));
        assertEquals(DomainState.RUNNING, lifecycle.findByVnfcId("vnfc-td-1").orElseThrow().state());
        DomainXmlReader.DomainFacts facts = DomainXmlReader.read(lifecycle.xml(name).orElseThrow());
        assertEquals(Optional.of(metadata), facts.metadata(), "libvirt keeps our metadata element");

        assertInstanceOf(ShutdownOutcome.Graceful.class, lifecycle.shutdown(name, Duration.ofSeconds(5)));
        assertEquals(Optional.of(DomainState.SHUT_OFF), lifecycle.state(name));
        assertInstanceOf(ShutdownOutcome.WasNotRunning.class, lifecycle.shutdown(name, Duration.ofSeconds(1)));

        lifecycle.undefine(name);
        assertEquals(Optional.empty(), lifecycle.state(name));
        assertEquals(Optional.empty(), lifecycle.findByVnfcId("vnfc-td-1"));
    }

    @Test
    void onlyDomainsWithOurMetadataAreListed() throws VimException {
        // test:///default ships a domain named "test" without our metadata
        assertTrue(lifecycle.state("test").isPresent());
        lifecycle.define(SampleSpecs.smallTcg("mano-td-2", new VnfcMetadata("vnfc-td-2", "vnf-td", null)));
        try {
            List<OurDomain> ours = lifecycle.listOurs();
            assertTrue(ours.stream().noneMatch(d -> d.name().equals("test")), ours.toString());
            assertTrue(ours.stream().anyMatch(d -> d.name().equals("mano-td-2") && d.metadata().nsInstanceId() == null), ours.toString());
        } finally {
            lifecycle.undefine("mano-td-2");
        }
    }

    @Test
    void namesAndMetadataWithXmlMetacharactersSurviveLibvirt() throws VimException {
        String name = "mano-td-<fw>&'\"";
        VnfcMetadata metadata = new VnfcMetadata("vnfc-td-<5>&", "vnf-'\"", "ns-</mano:vnfc>");
        lifecycle.define(SampleSpecs.smallTcg(name, metadata));
        try {
            OurDomain found = lifecycle.findByVnfcId("vnfc-td-<5>&").orElseThrow();
            assertEquals(name, found.name());
            assertEquals(metadata, found.metadata());
            assertEquals(name, DomainXmlReader.read(lifecycle.xml(name).orElseThrow()).name());
        } finally {
            lifecycle.undefine(name);
        }
    }

    @Test
    void undefineDeletesTheDomainsPoolVolumesAndLeavesOtherFilesAlone() throws Exception {
        StoragePool pool = connect.storagePoolLookupByName("default-pool");
        StorageVol volume = pool.storageVolCreateXML(
                "<volume><name>mano-td-6.img</name><capacity unit='MiB'>1</capacity></volume>", 0);
        String volumePath = volume.getPath();
        DomainSpec small = SampleSpecs.smallTcg("mano-td-6", new VnfcMetadata("vnfc-td-6", "vnf-td", null));
        DomainSpec withDisk = new DomainSpec(small.name(), small.uuid(), small.metadata(), small.virtType(), small.vcpuPins(),
                small.emulatorCpus(), small.memoryMib(), small.hugepages(), small.guestCells(), small.numaNodeset(),
                new Boot.Disk(volumePath, "raw"), small.interfaces(), null, null, List.of());
        lifecycle.define(withDisk);
        assertTrue(lifecycle.xml("mano-td-6").orElseThrow().contains(volumePath));

        lifecycle.undefine("mano-td-6");

        assertEquals(Optional.empty(), lifecycle.state("mano-td-6"));
        LibvirtException gone = assertThrows(LibvirtException.class, () -> connect.storageVolLookupByPath(volumePath));
        assertEquals(org.libvirt.Error.ErrorNumber.VIR_ERR_NO_STORAGE_VOL, gone.getError().getCode());

        // a disk outside every pool (a shared base image) is not ours to delete: undefine just leaves it
        DomainSpec outside = new DomainSpec("mano-td-7", UUID.randomUUID(), new VnfcMetadata("vnfc-td-7", "vnf-td", null),
                small.virtType(), small.vcpuPins(), small.emulatorCpus(), small.memoryMib(), null, List.of(), List.of(),
                new Boot.Disk("/var/lib/mano/images/base.qcow2", "qcow2"), List.of(), null, null, List.of());
        lifecycle.define(outside);
        lifecycle.undefine("mano-td-7");
        assertEquals(Optional.empty(), lifecycle.state("mano-td-7"));
    }

    @Test
    void undefiningARunningDomainIsRefusedAndMissingDomainsNameTheHost() throws VimException {
        lifecycle.define(SampleSpecs.smallTcg("mano-td-3", new VnfcMetadata("vnfc-td-3", "vnf-td", null)));
        lifecycle.start("mano-td-3");
        try {
            IllegalStateException running = assertThrows(IllegalStateException.class, () -> lifecycle.undefine("mano-td-3"));
            assertTrue(running.getMessage().contains("shut it down"), running.getMessage());
        } finally {
            lifecycle.destroy("mano-td-3");
            lifecycle.undefine("mano-td-3");
        }
        VimException missing = assertThrows(VimException.class, () -> lifecycle.start("no-such-domain"));
        assertTrue(missing.getMessage().startsWith("cannot start domain no-such-domain on test:///default: "), missing.getMessage());
    }

    @Test
    void startAndDestroyProduceLifecycleEvents() throws Exception {
        LinkedBlockingQueue<DomainLifecycleEvent> events = new LinkedBlockingQueue<>();
        try (DomainEventSubscription ignored = DomainEventSubscription.open(URI, e -> {
            if (e.domainName().equals("mano-td-4")) {
                events.add(e);
            }
        })) {
            lifecycle.define(SampleSpecs.smallTcg("mano-td-4", new VnfcMetadata("vnfc-td-4", "vnf-td", null)));
            lifecycle.start("mano-td-4");
            lifecycle.destroy("mano-td-4");
            lifecycle.undefine("mano-td-4");

            List<DomainEventKind> expected = List.of(DomainEventKind.DEFINED, DomainEventKind.STARTED, DomainEventKind.STOPPED,
                    DomainEventKind.UNDEFINED);
            for (DomainEventKind kind : expected) {
                DomainLifecycleEvent event = events.poll(10, TimeUnit.SECONDS);
                assertNotNull(event, "no " + kind + " event within 10 s");
                assertEquals(kind, event.kind(), event.toString());
                assertEquals(URI, event.hostUri());
            }
        }
    }
}
