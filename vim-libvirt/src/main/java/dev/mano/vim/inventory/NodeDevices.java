package dev.mano.vim.inventory;

import dev.mano.vim.VimException;
import dev.mano.vim.Xml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SR-IOV PFs and VFs from node device documents (what {@code virsh nodedev-dumpxml} prints): a PF is a PCI
 * device with a {@code virt_functions} capability, its VFs are the addresses listed there (in order: the index is
 * the VF number), a VF's NUMA node is its own {@code <numa node>} or else its PF's; a PF's net device is the
 * {@code net} device whose parent is the PF.
 */
public final class NodeDevices {
    private NodeDevices() {
    }

    private record PciDevice(String name, String address, int numaNode, List<String> virtualFunctions) {
    }

    /**
     * @param deviceXmls node device documents, PCI and net devices (others are ignored)
     */
    public static List<PhysicalFunction> physicalFunctions(List<String> deviceXmls, String source) throws VimException {
        Map<String, PciDevice> pciByAddress = new HashMap<>();
        Map<String, String> pfNameByAddress = new HashMap<>();
        Map<String, String> netdevByParent = new HashMap<>();
        List<PciDevice> pfs = new ArrayList<>();
        for (String xml : deviceXmls) {
            Element device = Xml.parse(xml, "node device of " + source).getDocumentElement();
            String name = Xml.childText(device, "name").orElse("");
            for (Element capability : Xml.children(device, "capability")) {
                switch (capability.getAttribute("type")) {
                    case "pci" -> {
                        PciDevice pci = parsePci(name, capability, source);
                        pciByAddress.put(pci.address(), pci);
                        pfNameByAddress.put(pci.address(), name);
                        if (hasVirtFunctionsCapability(capability)) {
                            pfs.add(pci);
                        }
                    }
                    case "net" -> Xml.childText(capability, "interface")
                            .ifPresent(ifname -> Xml.childText(device, "parent").ifPresent(parent -> netdevByParent.put(parent, ifname)));
                    default -> {
                    }
                }
            }
        }
        List<PhysicalFunction> result = new ArrayList<>();
        for (PciDevice pf : pfs) {
            List<VirtualFunction> vfs = new ArrayList<>();
            for (int i = 0; i < pf.virtualFunctions().size(); i++) {
                String vfAddress = pf.virtualFunctions().get(i);
                PciDevice vf = pciByAddress.get(vfAddress);
                int numa = vf != null && vf.numaNode() >= 0 ? vf.numaNode() : pf.numaNode();
                vfs.add(new VirtualFunction(vfAddress, numa, i));
            }
            result.add(new PhysicalFunction(pf.address(), netdevByParent.get(pf.name()), pf.numaNode(), vfs));
        }
        result.sort(Comparator.comparing(PhysicalFunction::pciAddress));
        return result;
    }

    private static boolean hasVirtFunctionsCapability(Element pciCapability) {
        return Xml.children(pciCapability, "capability").stream().anyMatch(c -> "virt_functions".equals(c.getAttribute("type")));
    }

    private static PciDevice parsePci(String name, Element capability, String source) throws VimException {
        try {
            int domain = number(Xml.childText(capability, "domain"));
            int bus = number(Xml.childText(capability, "bus"));
            int slot = number(Xml.childText(capability, "slot"));
            int function = number(Xml.childText(capability, "function"));
            int numa = Xml.child(capability, "numa").map(n -> Integer.parseInt(n.getAttribute("node"))).orElse(-1);
            List<String> vfs = new ArrayList<>();
            for (Element sub : Xml.children(capability, "capability")) {
                if ("virt_functions".equals(sub.getAttribute("type"))) {
                    for (Element address : Xml.children(sub, "address")) {
                        vfs.add(address(address));
                    }
                }
            }
            return new PciDevice(name, PciAddress.format(domain, bus, slot, function), numa, vfs);
        } catch (NumberFormatException e) {
            throw new VimException("node device " + name + " of " + source + ": malformed PCI address: " + e.getMessage(), e);
        }
    }

    private static String address(Element address) {
        return PciAddress.format(Integer.decode(address.getAttribute("domain")), Integer.decode(address.getAttribute("bus")),
                Integer.decode(address.getAttribute("slot")), Integer.decode(address.getAttribute("function")));
    }

    private static int number(Optional<String> text) {
        return Integer.decode(text.orElseThrow(() -> new NumberFormatException("missing domain/bus/slot/function")));
    }
}
