package dev.mano.vim.inventory;

import dev.mano.vim.VimException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inventory of simulated hosts through libvirt's real test driver plus our capabilities documents. */
class HostInventoryReaderTest {

    @Test
    void hostWithHyperThreadsTwoPageSizesAndFourPfs() throws VimException {
        HostTopology host = HostInventoryReader.read(TestHosts.uri("host-a"));

        assertEquals("host-a", host.hostname());
        assertEquals("Skylake-Server-IBRS", host.cpuModel());
        assertTrue(host.kvm());
        assertEquals(2, host.cells().size());
        NumaCell cell1 = host.cells().get(1);
        assertEquals(1, cell1.id());
        assertEquals(16L << 20, cell1.memoryKib());
        assertEquals(List.of(4, 5, 6, 7, 12, 13, 14, 15), cell1.cpus().stream().map(Cpu::id).toList());
        Cpu cpu13 = cell1.cpus().stream().filter(c -> c.id() == 13).findFirst().orElseThrow();
        assertEquals(new Cpu(13, 1, 1, List.of(5, 13)), cpu13);
        assertEquals(List.of(new HugepagePool(1, 2048, 1024, 1024), new HugepagePool(1, 1048576, 4, 4)), cell1.hugepages());

        assertEquals(List.of("0000:18:00.0", "0000:19:00.0", "0000:58:00.0", "0000:59:00.0"),
                host.physicalFunctions().stream().map(PhysicalFunction::pciAddress).toList());
        PhysicalFunction pf = host.physicalFunctions().get(3);
        assertEquals("ens2f1", pf.netdev());
        assertEquals(1, pf.numaNode());
        assertEquals(List.of(new VirtualFunction("0000:59:02.0", 1, 0), new VirtualFunction("0000:59:02.1", 1, 1),
                new VirtualFunction("0000:59:02.2", 1, 2), new VirtualFunction("0000:59:02.3", 1, 3)), pf.virtualFunctions());
    }

    @Test
    void tcgHostWithoutHyperThreadsUnevenPoolsAndOddDevices() throws VimException {
        HostTopology host = HostInventoryReader.read(TestHosts.uri("host-b"));

        assertEquals("host-b", host.hostname());
        assertFalse(host.kvm(), "host-b's capabilities list only the qemu domain type");
        assertEquals(List.of(new HugepagePool(0, 2048, 512, 512)), host.cells().get(0).hugepages());
        assertEquals(List.of(new HugepagePool(1, 2048, 256, 256), new HugepagePool(1, 1048576, 2, 2)), host.cells().get(1).hugepages());
        for (NumaCell cell : host.cells()) {
            assertEquals(6, cell.cpus().size());
            cell.cpus().forEach(c -> assertEquals(List.of(c.id()), c.siblings()));
        }
        assertEquals(new Cpu(6, 0, 8, List.of(6)), host.cells().get(1).cpus().get(0));

        assertEquals(2, host.physicalFunctions().size(), "the plain e1000e NIC has no SR-IOV capability");
        PhysicalFunction vfioPf = host.physicalFunctions().get(0);
        assertEquals(new PhysicalFunction("0000:03:00.0", null, 0, List.of()), vfioPf);
        PhysicalFunction x710 = host.physicalFunctions().get(1);
        assertEquals("enp129s0f0", x710.netdev());
        assertEquals(List.of(new VirtualFunction("0000:81:02.0", 1, 0), new VirtualFunction("0000:81:02.1", 1, 1),
                new VirtualFunction("0000:81:10.4", 1, 2)), x710.virtualFunctions(), "81:10.4 has no <numa>: its PF's cell");
    }

    @Test
    void generatedShapeReadsBackAsGenerated(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws VimException {
        var shape = new SimulatedHostFiles.Shape("gen-1", 2, 6, 2, 32L << 20, Map.of(2048L, 2048L, 1048576L, 8L), 3, 12, false);
        HostTopology host = HostInventoryReader.read(SimulatedHostFiles.uri(SimulatedHostFiles.write(dir, shape)));

        assertEquals("gen-1", host.hostname());
        assertFalse(host.kvm());
        assertEquals(24, host.cells().stream().mapToInt(c -> c.cpus().size()).sum());
        for (NumaCell cell : host.cells()) {
            Map<Integer, Cpu> byId = cell.cpus().stream().collect(Collectors.toMap(Cpu::id, c -> c));
            for (Cpu cpu : cell.cpus()) {
                assertEquals(2, cpu.siblings().size());
                assertTrue(cpu.siblings().contains(cpu.id()));
                for (int sibling : cpu.siblings()) {
                    assertEquals(cpu.coreId(), byId.get(sibling).coreId(), "siblings share a core and a cell");
                }
            }
            assertEquals(List.of(2048L, 1048576L), cell.hugepages().stream().map(HugepagePool::pageSizeKib).toList());
        }
        assertEquals(6, host.physicalFunctions().size());
        for (PhysicalFunction pf : host.physicalFunctions()) {
            assertEquals(12, pf.virtualFunctions().size());
            pf.virtualFunctions().forEach(vf -> assertEquals(pf.numaNode(), vf.numaNode()));
        }
        assertEquals(3, host.physicalFunctions().stream().filter(pf -> pf.numaNode() == 1).count());
    }

    @Test
    void testDriverDefaultHostUsesTheDriversOwnCapabilities() throws VimException {
        HostTopology host = HostInventoryReader.read("test:///default");

        assertEquals(2, host.cells().size());
        assertEquals(16, host.cells().stream().mapToInt(c -> c.cpus().size()).sum());
        assertTrue(host.physicalFunctions().isEmpty());
    }

    @Test
    void unreachableHostSaysWhichUriAndWhy() {
        VimException e = assertThrows(VimException.class, () -> HostInventoryReader.read("test:///no/such/host.xml"));
        assertTrue(e.getMessage().startsWith("cannot connect to test:///no/such/host.xml: "), e.getMessage());
        assertTrue(e.getMessage().length() > "cannot connect to test:///no/such/host.xml: ".length(), "libvirt's reason follows");

        VimException unknownScheme = assertThrows(VimException.class, () -> HostInventoryReader.read("nosuchdriver:///system"));
        assertTrue(unknownScheme.getMessage().startsWith("cannot connect to nosuchdriver:///system: "), unknownScheme.getMessage());
    }

    @Test
    void simulationRuleOnlyAppliesToTestUrisWithACompanionFile() {
        assertTrue(HostInventoryReader.simulatedCapabilitiesFile(TestHosts.uri("host-a")).isPresent());
        assertTrue(HostInventoryReader.simulatedCapabilitiesFile("test:///default").isEmpty());
        assertTrue(HostInventoryReader.simulatedCapabilitiesFile("qemu:///system").isEmpty());
        assertTrue(HostInventoryReader.simulatedCapabilitiesFile("test:///tmp/absent-host.xml").isEmpty());
    }

    @Test
    void capabilitiesDocumentWithWrongRootIsRejectedWithItsSource() {
        VimException e = assertThrows(VimException.class, () -> HostCapabilities.parse("<node/>", "file x"));
        assertTrue(e.getMessage().contains("file x"), e.getMessage());
    }
}
