package dev.mano.vim.domain;

import dev.mano.vim.VimException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainXmlWriterTest {

    @Test
    void fullKvmDomainMatchesTheReviewedGoldenFile() throws IOException {
        assertEquals(golden("/domain/full-kvm.xml"), DomainXmlWriter.toXml(SampleSpecs.fullKvm()));
    }

    @Test
    void tcgDomainGetsAnEmulatedCpuModelInsteadOfHostPassthrough() {
        String xml = DomainXmlWriter.toXml(SampleSpecs.smallTcg("t", new VnfcMetadata("c", "v", null)));
        assertTrue(xml.startsWith("<domain type=\"qemu\">"), xml);
        assertTrue(xml.contains("<cpu check=\"none\" match=\"exact\" mode=\"custom\">"), xml);
        assertTrue(xml.contains("<model fallback=\"allow\">Nehalem</model>"), xml);
        assertFalse(xml.contains("host-passthrough"));
        assertFalse(xml.contains("memoryBacking"), "no hugepages asked for");
        assertFalse(xml.contains("ns-instance-id"), "absent NS id is not written as an empty element");
    }

    @Test
    void nestedKvmHostsLoseArchCapabilitiesAndUnlockedBackingHasNoLockElement() {
        var host = new dev.mano.vim.inventory.HostTopology("h", "EPYC", true, List.of(), List.of(), true);
        assertEquals(List.of("arch-capabilities"), CpuFeatureWorkarounds.forHost(host));
        assertEquals(List.of(), CpuFeatureWorkarounds.forHost(new dev.mano.vim.inventory.HostTopology("h", "EPYC", true, List.of(), List.of())));
        DomainSpec ok = SampleSpecs.fullKvm();
        DomainSpec spec = new DomainSpec(ok.name(), ok.uuid(), ok.metadata(), ok.virtType(), ok.vcpuPins(), ok.emulatorCpus(),
                ok.memoryMib(), new HugepageBacking(2048, List.of(0), false), ok.guestCells(), ok.numaNodeset(), ok.boot(),
                ok.interfaces(), null, null, CpuFeatureWorkarounds.forHost(host));
        String xml = DomainXmlWriter.toXml(spec);
        assertTrue(xml.contains("<cpu check=\"none\" mode=\"host-passthrough\">\n    <feature name=\"arch-capabilities\" policy=\"disable\"/>"), xml);
        assertTrue(xml.contains("<page nodeset=\"0\" size=\"2048\" unit=\"KiB\"/>"), xml);
        assertFalse(xml.contains("<locked/>"), xml);
    }

    @Test
    void onlyAnIsolatedNetworkTapGetsAnIsolatedPort() {
        DomainSpec small = SampleSpecs.smallTcg("t", new VnfcMetadata("c", "v", null));
        DomainSpec spec = new DomainSpec(small.name(), small.uuid(), small.metadata(), small.virtType(), small.vcpuPins(),
                small.emulatorCpus(), small.memoryMib(), small.hugepages(), small.guestCells(), small.numaNodeset(), small.boot(),
                List.of(new NetInterface.Network("up", "52:54:00:00:00:01", true), new NetInterface.Network("down", "52:54:00:00:00:02")),
                null, null, List.of());

        String xml = DomainXmlWriter.toXml(spec);

        assertTrue(xml.contains("<source network=\"up\"/>\n      <model type=\"virtio\"/>\n      <port isolated=\"yes\"/>\n    </interface>"), xml);
        assertTrue(xml.contains("<source network=\"down\"/>\n      <model type=\"virtio\"/>\n    </interface>"), xml);
        assertEquals(1, xml.split("<port ", -1).length - 1, xml);
    }

    @Test
    void xmlMetacharactersInNamesPathsAndMetadataAreEscapedAndReadBackIntact() throws VimException {
        String evil = "fw<1>&'\"]]>";
        VnfcMetadata metadata = new VnfcMetadata("vnfc</mano:vnfc-id><x>", "vnf&amp;", "ns\"'<>");
        DomainSpec spec = new DomainSpec(evil, UUID.randomUUID(), metadata, VirtType.TCG, List.of(new VcpuPin(0, List.of(0))),
                List.of(), 64, null, List.of(), List.of(), new Boot.Kernel("/k<e>rnel", null, "a=\"b\" c='d' & <e>"),
                List.of(new NetInterface.Bridge("br'0\"", null)), "/run/a&b<c>.sock", null, List.of());

        String xml = DomainXmlWriter.toXml(spec);

        assertFalse(xml.contains("<1>"), xml);
        assertFalse(xml.contains("<x>"), xml);
        assertFalse(xml.contains("</mano:vnfc-id><x>"), xml);
        assertTrue(xml.contains("fw&lt;1&gt;&amp;'\"]]&gt;"), xml);
        DomainXmlReader.DomainFacts facts = DomainXmlReader.read(xml);
        assertEquals(evil, facts.name());
        assertEquals(Optional.of(metadata), facts.metadata());
        assertEquals(spec.vcpuPins(), facts.vcpuPins());
    }

    @Test
    void readerReturnsPinsEmulatorPinPageSizeAndLock() throws VimException {
        DomainXmlReader.DomainFacts facts = DomainXmlReader.read(DomainXmlWriter.toXml(SampleSpecs.fullKvm()));
        assertEquals(SampleSpecs.fullKvm().vcpuPins(), facts.vcpuPins());
        assertEquals(List.of(0, 16), facts.emulatorCpus());
        assertEquals(Optional.of(1048576L), facts.hugepageSizeKib());
        assertTrue(facts.memoryLocked());
        assertEquals(VirtType.KVM, facts.virtType());
        assertEquals(Optional.of(new VnfcMetadata("vnfc-1", "vnf-7", "ns-3")), facts.metadata());
    }

    @Test
    void domainWithoutOurMetadataIsNotOurs() throws VimException {
        String foreign = "<domain type='kvm'><name>x</name><metadata><other:x xmlns:other='urn:other'/></metadata></domain>";
        assertEquals(Optional.empty(), DomainXmlReader.read(foreign).metadata());
    }

    @Test
    void inconsistentSpecsAreRefusedWithTheReason() {
        DomainSpec ok = SampleSpecs.fullKvm();
        IllegalArgumentException vhostWithoutHugepages = assertThrows(IllegalArgumentException.class, () -> new DomainSpec(
                ok.name(), ok.uuid(), ok.metadata(), ok.virtType(), ok.vcpuPins(), ok.emulatorCpus(), ok.memoryMib(), null,
                ok.guestCells(), ok.numaNodeset(), ok.boot(), ok.interfaces(), null, null, List.of()));
        assertTrue(vhostWithoutHugepages.getMessage().contains("vhost-user"));
        IllegalArgumentException cellsShort = assertThrows(IllegalArgumentException.class, () -> new DomainSpec(
                ok.name(), ok.uuid(), ok.metadata(), ok.virtType(), ok.vcpuPins(), ok.emulatorCpus(), 8192, ok.hugepages(),
                ok.guestCells(), ok.numaNodeset(), ok.boot(), ok.interfaces(), null, null, List.of()));
        assertTrue(cellsShort.getMessage().contains("8192 MiB"));
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = DomainXmlWriterTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
