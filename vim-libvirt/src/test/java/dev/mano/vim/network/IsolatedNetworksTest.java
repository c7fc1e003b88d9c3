package dev.mano.vim.network;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.VimException;
import dev.mano.vim.domain.DomainSpec;
import dev.mano.vim.domain.DomainXmlWriter;
import dev.mano.vim.domain.NetInterface;
import dev.mano.vim.domain.SampleSpecs;
import dev.mano.vim.domain.VnfcMetadata;
import dev.mano.vim.lifecycle.DomainLifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Isolated networks and a domain wired to them, on libvirt's test driver. */
class IsolatedNetworksTest {
    private Connect connect;
    private IsolatedNetworks networks;

    @BeforeEach
    void connect() throws VimException {
        connect = LibvirtConnection.open("test:///default");
        networks = new IsolatedNetworks(connect);
    }

    @AfterEach
    void close() throws LibvirtException {
        connect.close();
    }

    @Test
    void ensureIsIdempotentAndRemoveLeavesNothing() throws VimException, LibvirtException {
        networks.ensure("mano-t-link0", "mnt0");
        networks.ensure("mano-t-link0", "mnt0");
        assertTrue(networks.active("mano-t-link0"));
        String xml = connect.networkLookupByName("mano-t-link0").getXMLDesc(0);
        assertTrue(xml.contains("name='mnt0'") || xml.contains("name=\"mnt0\""), xml);
        assertFalse(xml.contains("<ip"), "an isolated segment has no address: " + xml);
        assertFalse(xml.contains("<forward"), xml);

        networks.remove("mano-t-link0");
        networks.remove("mano-t-link0");
        assertFalse(networks.active("mano-t-link0"));
    }

    @Test
    void bridgeNamesLinuxCannotTakeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> networks.ensure("mano-t-long", "a-bridge-name-too-long"));
        assertThrows(IllegalArgumentException.class, () -> networks.ensure("mano-t-bad", "br 0"));
    }

    @Test
    void domainOnTheNetworksCarriesItsDayOneConfigInFirmware() throws VimException, LibvirtException {
        networks.ensure("mano-t-in", "mnti");
        networks.ensure("mano-t-out", "mnto");
        DomainSpec small = SampleSpecs.smallTcg("mano-net-1", new VnfcMetadata("vnfc-net-1", "vnf-net", null));
        String config = java.util.Base64.getEncoder().encodeToString("{\"default\":\"deny\"}".getBytes());
        DomainSpec wired = new DomainSpec(small.name(), small.uuid(), small.metadata(), small.virtType(), small.vcpuPins(),
                small.emulatorCpus(), small.memoryMib(), small.hugepages(), small.guestCells(), small.numaNodeset(), small.boot(),
                List.of(new NetInterface.Network("mano-t-in", "52:54:00:00:00:01"), new NetInterface.Network("mano-t-out", "52:54:00:00:00:02")),
                null, null, List.of(), Map.of("opt/org.mano/vnf-config", config));
        DomainLifecycle domains = new DomainLifecycle(connect);
        try {
            domains.define(wired);
            domains.start(wired.name());
            String xml = domains.xml(wired.name()).orElseThrow();
            assertTrue(xml.contains("<sysinfo type=\"fwcfg\">") || xml.contains("<sysinfo type='fwcfg'>"), xml);
            assertTrue(xml.contains("opt/org.mano/vnf-config"), xml);
            assertTrue(xml.contains(config), xml);
            assertTrue(xml.indexOf("mano-t-in") < xml.indexOf("mano-t-out"), "port order is interface order: " + xml);
        } finally {
            domains.destroy(wired.name());
            domains.undefine(wired.name());
            networks.remove("mano-t-in");
            networks.remove("mano-t-out");
        }
    }

    @Test
    void firmwareConfigNamesAndSizesAreChecked() {
        DomainSpec small = SampleSpecs.smallTcg("mano-net-2", new VnfcMetadata("vnfc-net-2", "vnf-net", null));
        assertThrows(IllegalArgumentException.class, () -> withFirmware(small, Map.of("etc/bad", "x")));
        assertThrows(IllegalArgumentException.class, () -> withFirmware(small,
                Map.of("opt/org.mano/vnf-config", "x".repeat(DomainSpec.MAX_FIRMWARE_CONFIG_BYTES + 1))));
        assertThrows(IllegalArgumentException.class, () -> withFirmware(small, Map.of("opt/org.mano/vnf-config", "{\"a\":1,\"b\":2}")));
        String xml = DomainXmlWriter.toXml(withFirmware(small, Map.of("opt/org.mano/vnf-config", "<a>&b</a>")));
        assertTrue(xml.contains("&lt;a&gt;&amp;b&lt;/a&gt;"), "values are escaped text, never markup: " + xml);
    }

    private static DomainSpec withFirmware(DomainSpec s, Map<String, String> firmware) {
        return new DomainSpec(s.name(), s.uuid(), s.metadata(), s.virtType(), s.vcpuPins(), s.emulatorCpus(), s.memoryMib(),
                s.hugepages(), s.guestCells(), s.numaNodeset(), s.boot(), s.interfaces(), s.agentSocketPath(),
                s.consoleLogPath(), s.disabledCpuFeatures(), firmware);
    }
}
