package dev.mano.vim.domain;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.QemuSystemHost;
import dev.mano.vim.VimException;
import dev.mano.vim.Xml;
import dev.mano.vim.lifecycle.DomainLifecycle;
import dev.mano.vim.network.IsolatedNetworks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What libvirt makes of an isolated network tap: the test driver (where the orchestrator's tests run) keeps the
 * element, and this machine's libvirtd turns it into the bridge port's {@code isolated on}, which is what keeps
 * scaled-out pass-through VNFs on the chain's bridges from forming a loop (orchestrator vnflcm.DomainSpecs).
 */
class IsolatedTapTest {
    private static final String UP_MAC = "52:54:00:1e:00:01";
    private static final String DOWN_MAC = "52:54:00:1e:00:02";
    private final String id = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theTestDriverKeepsTheIsolatedPort() throws Exception {
        Map<String, LiveTap> taps = defineStartAndRead("test:///default");
        assertEquals("yes", taps.get(UP_MAC).portIsolated());
        assertEquals("", taps.get(DOWN_MAC).portIsolated());
    }

    @Test
    void libvirtdSetsTheTapsBridgePortIsolated() throws Exception {
        QemuSystemHost.assumeReachable();
        Map<String, LiveTap> taps = defineStartAndRead(QemuSystemHost.URI);
        assertEquals("yes", taps.get(UP_MAC).portIsolated());
        assertEquals("1", taps.get(UP_MAC).bridgePortIsolated(), "the isolated tap's bridge port: " + taps);
        assertEquals("0", taps.get(DOWN_MAC).bridgePortIsolated(), "the other tap's bridge port: " + taps);
    }

    /**
     * One live interface: its {@code <port isolated>} value ("" when absent), its tap, and the kernel's
     * {@code isolated} flag of that tap's bridge port as read while the domain ran (null off qemu:///system).
     */
    private record LiveTap(String portIsolated, String tap, String bridgePortIsolated) {
    }

    /**
     * A TCG domain with no boot media (it sits in its firmware) and two taps on one isolated network, the first
     * isolated. Returns its live interfaces by MAC. Removes everything it made.
     */
    private Map<String, LiveTap> defineStartAndRead(String uri) throws VimException, LibvirtException, IOException {
        Connect connect = LibvirtConnection.open(uri);
        String network = "mano-iso-" + id;
        String name = "mano-iso-" + id;
        IsolatedNetworks networks = new IsolatedNetworks(connect);
        DomainLifecycle domains = new DomainLifecycle(connect);
        try {
            networks.ensure(network, "mni" + id);
            DomainSpec small = SampleSpecs.smallTcg(name, new VnfcMetadata("vnfc-" + name, "vnf-iso", null));
            domains.define(new DomainSpec(small.name(), small.uuid(), small.metadata(), small.virtType(), small.vcpuPins(),
                    small.emulatorCpus(), small.memoryMib(), small.hugepages(), small.guestCells(), small.numaNodeset(),
                    small.boot(), List.of(new NetInterface.Network(network, UP_MAC, true), new NetInterface.Network(network, DOWN_MAC)),
                    null, null, List.of()));
            domains.start(name);
            NodeList list = Xml.parse(domains.xml(name).orElseThrow(), "domain " + name).getElementsByTagName("interface");
            Map<String, LiveTap> byMac = new LinkedHashMap<>();
            for (int i = 0; i < list.getLength(); i++) {
                Element nic = (Element) list.item(i);
                String tap = attribute(nic, "target", "dev");
                String bridgePortIsolated = null;
                if (uri.equals(QemuSystemHost.URI)) {
                    Path flag = Path.of("/sys/class/net", tap, "brport/isolated");
                    Assumptions.assumeTrue(!tap.isEmpty() && Files.exists(flag), "tap '" + tap + "' is not visible here: " + flag);
                    bridgePortIsolated = Files.readString(flag).trim();
                }
                byMac.put(attribute(nic, "mac", "address"), new LiveTap(attribute(nic, "port", "isolated"), tap, bridgePortIsolated));
            }
            return byMac;
        } finally {
            domains.removeIfPresent(name);
            networks.remove(network);
            connect.close();
        }
    }

    private static String attribute(Element parent, String child, String attribute) {
        NodeList found = parent.getElementsByTagName(child);
        return found.getLength() == 0 ? "" : ((Element) found.item(0)).getAttribute(attribute);
    }
}
