package dev.mano.vim.domain;

import dev.mano.vim.VimException;
import dev.mano.vim.Xml;
import dev.mano.vim.inventory.CpuList;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads back the few things we need from a domain's XML (as libvirt dumps it): our metadata and the pinning. */
public final class DomainXmlReader {
    private DomainXmlReader() {
    }

    /** What a defined domain carries, as libvirt reports it. */
    public record DomainFacts(String name, String uuid, VirtType virtType, Optional<VnfcMetadata> metadata,
                              List<VcpuPin> vcpuPins, List<Integer> emulatorCpus, Optional<Long> hugepageSizeKib,
                              boolean memoryLocked) {
    }

    public static DomainFacts read(String domainXml) throws VimException {
        Element domain = Xml.parse(domainXml, "domain XML").getDocumentElement();
        String name = Xml.childText(domain, "name").orElse("");
        List<VcpuPin> pins = new ArrayList<>();
        List<Integer> emulator = List.of();
        Optional<Element> cputune = Xml.child(domain, "cputune");
        if (cputune.isPresent()) {
            for (Element pin : Xml.children(cputune.get(), "vcpupin")) {
                pins.add(new VcpuPin(Integer.parseInt(pin.getAttribute("vcpu")), CpuList.parse(pin.getAttribute("cpuset"))));
            }
            emulator = Xml.child(cputune.get(), "emulatorpin").map(e -> CpuList.parse(e.getAttribute("cpuset"))).orElse(List.of());
        }
        pins.sort(Comparator.comparingInt(VcpuPin::vcpu));
        Optional<Element> backing = Xml.child(domain, "memoryBacking");
        Optional<Long> pageSize = backing.flatMap(b -> Xml.path(b, "hugepages", "page"))
                .map(p -> pageKib(Long.parseLong(p.getAttribute("size")), p.getAttribute("unit")));
        boolean locked = backing.flatMap(b -> Xml.child(b, "locked")).isPresent();
        return new DomainFacts(name, Xml.childText(domain, "uuid").orElse(""),
                VirtType.fromDomainType(domain.getAttribute("type")), Xml.child(domain, "metadata").flatMap(DomainXmlReader::metadata),
                pins, emulator, pageSize, locked);
    }

    /**
     * Our metadata from what {@code virDomainGetMetadata(ELEMENT, NAMESPACE)} returns: libvirt selected the element by
     * our namespace and hands it back without any namespace, so names are matched without one here.
     */
    public static Optional<VnfcMetadata> metadataElement(String xml) throws VimException {
        Element root = Xml.parse(xml, "domain metadata").getDocumentElement();
        boolean oursOrStripped = root.getNamespaceURI() == null || VnfcMetadata.NAMESPACE.equals(root.getNamespaceURI());
        return oursOrStripped && VnfcMetadata.ELEMENT.equals(root.getLocalName()) ? values(root) : Optional.empty();
    }

    private static Optional<VnfcMetadata> metadata(Element metadata) {
        for (Node n = metadata.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ours(e)) {
                return values(e);
            }
        }
        return Optional.empty();
    }

    private static boolean ours(Element e) {
        return VnfcMetadata.NAMESPACE.equals(e.getNamespaceURI()) && VnfcMetadata.ELEMENT.equals(e.getLocalName());
    }

    /** Empty when the element lacks the ids we always write: then it is not ours to manage. */
    private static Optional<VnfcMetadata> values(Element e) {
        String vnfcId = value(e, "vnfc-id");
        String vnfInstanceId = value(e, "vnf-instance-id");
        if (vnfcId == null || vnfInstanceId == null) {
            return Optional.empty();
        }
        return Optional.of(new VnfcMetadata(vnfcId, vnfInstanceId, value(e, "ns-instance-id")));
    }

    private static String value(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && java.util.Objects.equals(parent.getNamespaceURI(), e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static long pageKib(long size, String unit) {
        return switch (unit == null || unit.isEmpty() ? "KiB" : unit) {
            case "M", "MiB" -> size * 1024;
            case "G", "GiB" -> size * 1024 * 1024;
            default -> size;
        };
    }
}
