package dev.mano.vim.domain;

import dev.mano.vim.Xml;
import dev.mano.vim.inventory.CpuList;
import dev.mano.vim.inventory.PciAddress;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

/**
 * Builds libvirt domain XML from a {@link DomainSpec} through the DOM: every name, path and metadata value is a
 * text node or attribute value, escaped by the serializer, never spliced into markup.
 */
public final class DomainXmlWriter {
    /** Name of the virtio-serial port the VNFM agent inside the guest opens ({@code /dev/virtio-ports/org.mano.agent.0}). */
    public static final String AGENT_CHANNEL = "org.mano.agent.0";
    /** The CPU model used under TCG. */
    // Debian's DPDK 22.11 executes SSE4.1/4.2 instructions (pinsrq in librte_eal): on qemu64 it dies of
    // SIGILL. Nehalem is the oldest model with them, and QEMU's TCG emulates it.
    static final String TCG_CPU_MODEL = "Nehalem";

    private DomainXmlWriter() {
    }

    public static String toXml(DomainSpec spec) {
        return Xml.write(toDocument(spec));
    }

    public static Document toDocument(DomainSpec spec) {
        Document doc = Xml.newDocument();
        Element domain = doc.createElement("domain");
        doc.appendChild(domain);
        domain.setAttribute("type", spec.virtType().domainType());
        Xml.add(domain, "name", spec.name());
        Xml.add(domain, "uuid", spec.uuid().toString());
        metadata(Xml.add(domain, "metadata"), spec.metadata());
        Xml.add(domain, "memory", Long.toString(spec.memoryMib())).setAttribute("unit", "MiB");
        memoryBacking(domain, spec);
        Element vcpu = Xml.add(domain, "vcpu", Integer.toString(spec.vcpus()));
        vcpu.setAttribute("placement", "static");
        cputune(domain, spec);
        numatune(domain, spec);
        os(domain, spec.boot());
        firmwareConfig(domain, spec);
        Element features = Xml.add(domain, "features");
        Xml.add(features, "acpi");
        Xml.add(features, "apic");
        cpu(domain, spec);
        Xml.add(domain, "clock").setAttribute("offset", "utc");
        Xml.add(domain, "on_poweroff", "destroy");
        Xml.add(domain, "on_reboot", "restart");
        Xml.add(domain, "on_crash", "destroy");
        devices(Xml.add(domain, "devices"), spec);
        return doc;
    }

    private static void metadata(Element metadata, VnfcMetadata values) {
        Document doc = metadata.getOwnerDocument();
        Element element = doc.createElementNS(VnfcMetadata.NAMESPACE, VnfcMetadata.PREFIX + ":" + VnfcMetadata.ELEMENT);
        element.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:" + VnfcMetadata.PREFIX, VnfcMetadata.NAMESPACE);
        metadata.appendChild(element);
        metadataValue(element, "vnfc-id", values.vnfcId());
        metadataValue(element, "vnf-instance-id", values.vnfInstanceId());
        if (values.nsInstanceId() != null) {
            metadataValue(element, "ns-instance-id", values.nsInstanceId());
        }
    }

    private static void metadataValue(Element parent, String name, String value) {
        Element child = parent.getOwnerDocument().createElementNS(VnfcMetadata.NAMESPACE, VnfcMetadata.PREFIX + ":" + name);
        child.setTextContent(value);
        parent.appendChild(child);
    }

    private static void memoryBacking(Element domain, DomainSpec spec) {
        if (spec.hugepages() == null) {
            return;
        }
        Element backing = Xml.add(domain, "memoryBacking");
        Element page = Xml.add(Xml.add(backing, "hugepages"), "page");
        page.setAttribute("size", Long.toString(spec.hugepages().pageSizeKib()));
        page.setAttribute("unit", "KiB");
        if (!spec.hugepages().guestNodes().isEmpty()) {
            page.setAttribute("nodeset", CpuList.format(spec.hugepages().guestNodes()));
        }
        if (spec.hugepages().locked()) {
            // PMD memory must never be swapped or migrated by the kernel
            Xml.add(backing, "locked");
        }
        if (spec.sharedMemory()) {
            Xml.add(backing, "access").setAttribute("mode", "shared");
        }
    }

    private static void cputune(Element domain, DomainSpec spec) {
        Element cputune = Xml.add(domain, "cputune");
        for (VcpuPin pin : spec.vcpuPins()) {
            Element vcpupin = Xml.add(cputune, "vcpupin");
            vcpupin.setAttribute("vcpu", Integer.toString(pin.vcpu()));
            vcpupin.setAttribute("cpuset", CpuList.format(pin.hostCpus()));
        }
        if (!spec.emulatorCpus().isEmpty()) {
            Xml.add(cputune, "emulatorpin").setAttribute("cpuset", CpuList.format(spec.emulatorCpus()));
        }
    }

    private static void numatune(Element domain, DomainSpec spec) {
        if (spec.numaNodeset().isEmpty() && spec.guestCells().isEmpty()) {
            return;
        }
        Element numatune = Xml.add(domain, "numatune");
        List<Integer> nodeset = !spec.numaNodeset().isEmpty() ? spec.numaNodeset()
                : spec.guestCells().stream().map(GuestNumaCell::hostCell).distinct().toList();
        Element memory = Xml.add(numatune, "memory");
        memory.setAttribute("mode", "strict");
        memory.setAttribute("nodeset", CpuList.format(nodeset));
        for (GuestNumaCell cell : spec.guestCells()) {
            Element memnode = Xml.add(numatune, "memnode");
            memnode.setAttribute("cellid", Integer.toString(cell.id()));
            memnode.setAttribute("mode", "strict");
            memnode.setAttribute("nodeset", Integer.toString(cell.hostCell()));
        }
    }

    private static void os(Element domain, Boot boot) {
        Element os = Xml.add(domain, "os");
        Element type = Xml.add(os, "type", "hvm");
        type.setAttribute("arch", "x86_64");
        type.setAttribute("machine", "q35");
        switch (boot) {
            case Boot.Kernel kernel -> {
                Xml.add(os, "kernel", kernel.kernelPath());
                if (kernel.initrdPath() != null) {
                    Xml.add(os, "initrd", kernel.initrdPath());
                }
                if (kernel.cmdline() != null) {
                    Xml.add(os, "cmdline", kernel.cmdline());
                }
            }
            case Boot.Disk disk -> Xml.add(os, "boot").setAttribute("dev", "hd");
            case Boot.Firmware firmware -> {
            }
        }
    }

    /** {@code <sysinfo type='fwcfg'>}: values inline, so the domain definition alone carries them to the host. */
    private static void firmwareConfig(Element domain, DomainSpec spec) {
        if (spec.firmwareConfig().isEmpty()) {
            return;
        }
        Element sysinfo = Xml.add(domain, "sysinfo");
        sysinfo.setAttribute("type", "fwcfg");
        spec.firmwareConfig().forEach((name, value) -> Xml.add(sysinfo, "entry", value).setAttribute("name", name));
    }

    private static void cpu(Element domain, DomainSpec spec) {
        Element cpu = Xml.add(domain, "cpu");
        if (spec.virtType() == VirtType.KVM) {
            // PMDs need the host's SIMD and cache features as they are
            cpu.setAttribute("mode", "host-passthrough");
        } else {
            cpu.setAttribute("mode", "custom");
            cpu.setAttribute("match", "exact");
            Xml.add(cpu, "model", TCG_CPU_MODEL).setAttribute("fallback", "allow");
        }
        cpu.setAttribute("check", "none");
        for (String feature : spec.disabledCpuFeatures()) {
            Element element = Xml.add(cpu, "feature");
            element.setAttribute("policy", "disable");
            element.setAttribute("name", feature);
        }
        if (!spec.guestCells().isEmpty()) {
            Element numa = Xml.add(cpu, "numa");
            for (GuestNumaCell guestCell : spec.guestCells()) {
                Element cell = Xml.add(numa, "cell");
                cell.setAttribute("id", Integer.toString(guestCell.id()));
                cell.setAttribute("cpus", CpuList.format(guestCell.vcpus()));
                cell.setAttribute("memory", Long.toString(guestCell.memoryMib()));
                cell.setAttribute("unit", "MiB");
                if (spec.sharedMemory()) {
                    cell.setAttribute("memAccess", "shared");
                }
            }
        }
    }

    private static void devices(Element devices, DomainSpec spec) {
        if (spec.boot() instanceof Boot.Disk disk) {
            Element element = Xml.add(devices, "disk");
            element.setAttribute("type", "file");
            element.setAttribute("device", "disk");
            Element driver = Xml.add(element, "driver");
            driver.setAttribute("name", "qemu");
            driver.setAttribute("type", disk.format());
            Xml.add(element, "source").setAttribute("file", disk.imagePath());
            Element target = Xml.add(element, "target");
            target.setAttribute("dev", "vda");
            target.setAttribute("bus", "virtio");
        }
        for (NetInterface nic : spec.interfaces()) {
            nic(devices, nic);
        }
        if (spec.agentSocketPath() != null) {
            Element channel = Xml.add(devices, "channel");
            channel.setAttribute("type", "unix");
            Element source = Xml.add(channel, "source");
            source.setAttribute("mode", "bind");
            source.setAttribute("path", spec.agentSocketPath());
            Element target = Xml.add(channel, "target");
            target.setAttribute("type", "virtio");
            target.setAttribute("name", AGENT_CHANNEL);
        }
        Element serial = Xml.add(devices, "serial");
        serial.setAttribute("type", "pty");
        if (spec.consoleLogPath() != null) {
            Element log = Xml.add(serial, "log");
            log.setAttribute("file", spec.consoleLogPath());
            log.setAttribute("append", "on");
        }
        Xml.add(serial, "target").setAttribute("port", "0");
        Element console = Xml.add(devices, "console");
        console.setAttribute("type", "pty");
        Element consoleTarget = Xml.add(console, "target");
        consoleTarget.setAttribute("type", "serial");
        consoleTarget.setAttribute("port", "0");
        // a balloon would let the host take pinned hugepage memory back
        Xml.add(devices, "memballoon").setAttribute("model", "none");
    }

    private static void nic(Element devices, NetInterface nic) {
        Element element = Xml.add(devices, "interface");
        switch (nic) {
            case NetInterface.SriovVf vf -> {
                element.setAttribute("type", "hostdev");
                element.setAttribute("managed", "yes");
                mac(element, vf.mac());
                PciAddress pci = PciAddress.parse(vf.pciAddress());
                Element address = Xml.add(Xml.add(element, "source"), "address");
                address.setAttribute("type", "pci");
                address.setAttribute("domain", String.format("0x%04x", pci.domain()));
                address.setAttribute("bus", String.format("0x%02x", pci.bus()));
                address.setAttribute("slot", String.format("0x%02x", pci.slot()));
                address.setAttribute("function", String.format("0x%x", pci.function()));
                if (vf.vlan() != null) {
                    Xml.add(Xml.add(element, "vlan"), "tag").setAttribute("id", Integer.toString(vf.vlan()));
                }
            }
            case NetInterface.VhostUser vhost -> {
                element.setAttribute("type", "vhostuser");
                mac(element, vhost.mac());
                Element source = Xml.add(element, "source");
                source.setAttribute("type", "unix");
                source.setAttribute("path", vhost.socketPath());
                source.setAttribute("mode", vhost.mode().xml());
                if (vhost.mode() == NetInterface.VhostUserMode.CLIENT) {
                    // the backend (DPDK vhost PMD, OVS-DPDK) may restart: QEMU reconnects instead of losing the link
                    Element reconnect = Xml.add(source, "reconnect");
                    reconnect.setAttribute("enabled", "yes");
                    reconnect.setAttribute("timeout", "1");
                }
                Xml.add(element, "model").setAttribute("type", "virtio");
            }
            case NetInterface.Bridge bridge -> {
                element.setAttribute("type", "bridge");
                mac(element, bridge.mac());
                Xml.add(element, "source").setAttribute("bridge", bridge.bridge());
                Xml.add(element, "model").setAttribute("type", "virtio");
            }
            case NetInterface.Network network -> {
                element.setAttribute("type", "network");
                mac(element, network.mac());
                Xml.add(element, "source").setAttribute("network", network.network());
                Xml.add(element, "model").setAttribute("type", "virtio");
                if (network.isolated()) {
                    Xml.add(element, "port").setAttribute("isolated", "yes");
                }
            }
        }
    }

    private static void mac(Element nic, String mac) {
        if (mac != null) {
            Xml.add(nic, "mac").setAttribute("address", mac);
        }
    }

}
