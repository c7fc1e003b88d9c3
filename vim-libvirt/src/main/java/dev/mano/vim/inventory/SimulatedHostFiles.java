package dev.mano.vim.inventory;

import dev.mano.vim.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a simulated host for libvirt's test driver: {@code <name>.xml}, the node file the driver loads
 * (CPU/memory totals and SR-IOV PF/VF node devices), and {@code <name>.capabilities.xml} beside it, the
 * capabilities document (same format as {@code virsh capabilities}) that {@link HostInventoryReader} reads
 * instead of the driver's own, which has no NUMA cells. Connect with {@link #uri(Path)}.
 *
 * <p>CPU numbering follows Linux on multi-socket Intel hosts: thread 0 of every core first, cell by cell, then
 * thread 1 of every core, so CPU {@code n}'s sibling is {@code n + cells * coresPerCell}. Every cell is a socket.
 */
public final class SimulatedHostFiles {
    private SimulatedHostFiles() {
    }

    /**
     * @param pagesPerCell        hugepages reserved on every cell, by page size in KiB (e.g. 2048 → 512, 1048576 → 4)
     * @param pfsPerCell          SR-IOV PFs attached to every cell
     * @param vfsPerPf            VFs created on every PF (at most 240)
     * @param kvm                 whether the simulated host lists the kvm domain type
     */
    public record Shape(String name, int cells, int coresPerCell, int threadsPerCore, long memoryKibPerCell,
                        Map<Long, Long> pagesPerCell, int pfsPerCell, int vfsPerPf, boolean kvm) {
        public Shape {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException("host name must be a plain file name: " + name);
            }
            if (cells < 1 || coresPerCell < 1 || threadsPerCore < 1 || pfsPerCell < 0 || vfsPerPf < 0 || vfsPerPf > 240) {
                throw new IllegalArgumentException("impossible host shape: " + cells + " cells, " + coresPerCell
                        + " cores/cell, " + threadsPerCore + " threads/core, " + pfsPerCell + " PFs/cell, " + vfsPerPf + " VFs/PF");
            }
            pagesPerCell = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(pagesPerCell));
        }

        /** A typical NFV compute node: 2 cells × 16 cores × 2 threads, 64 GiB per cell, 8 × 1 GiB + 4096 × 2 MiB pages, 2 PFs × 16 VFs per cell. */
        public static Shape typical(String name) {
            return new Shape(name, 2, 16, 2, 64L * 1024 * 1024, Map.of(2048L, 4096L, 1048576L, 8L), 2, 16, true);
        }

        int totalCpus() {
            return cells * coresPerCell * threadsPerCore;
        }
    }

    /** Writes both files into {@code directory} and returns the node file's path. */
    public static Path write(Path directory, Shape shape) {
        try {
            Files.createDirectories(directory);
            Path node = directory.resolve(shape.name() + ".xml").toAbsolutePath();
            Files.writeString(node, nodeXml(shape));
            Files.writeString(directory.resolve(shape.name() + ".capabilities.xml"), capabilitiesXml(shape));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write simulated host " + shape.name() + " into " + directory, e);
        }
    }

    /** The libvirt URI of a node file written by {@link #write}. */
    public static String uri(Path nodeFile) {
        return "test://" + nodeFile.toAbsolutePath();
    }

    public static String capabilitiesXml(Shape shape) {
        Document doc = Xml.newDocument();
        Element root = doc.createElement("capabilities");
        doc.appendChild(root);
        Element host = Xml.add(root, "host");
        Xml.add(host, "uuid", java.util.UUID.nameUUIDFromBytes(shape.name().getBytes()).toString());
        Element cpu = Xml.add(host, "cpu");
        Xml.add(cpu, "arch", "x86_64");
        Xml.add(cpu, "model", "Skylake-Server-IBRS");
        Xml.add(cpu, "vendor", "Intel");
        Element topology = Xml.add(cpu, "topology");
        topology.setAttribute("sockets", Integer.toString(shape.cells()));
        topology.setAttribute("dies", "1");
        topology.setAttribute("cores", Integer.toString(shape.coresPerCell()));
        topology.setAttribute("threads", Integer.toString(shape.threadsPerCore()));
        Element cells = Xml.add(Xml.add(host, "topology"), "cells");
        cells.setAttribute("num", Integer.toString(shape.cells()));
        long hugepageKib = shape.pagesPerCell().entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        for (int c = 0; c < shape.cells(); c++) {
            Element cell = Xml.add(cells, "cell");
            cell.setAttribute("id", Integer.toString(c));
            Element memory = Xml.add(cell, "memory", Long.toString(shape.memoryKibPerCell()));
            memory.setAttribute("unit", "KiB");
            pages(cell, 4, Math.max(0, shape.memoryKibPerCell() - hugepageKib) / 4);
            for (Map.Entry<Long, Long> pool : shape.pagesPerCell().entrySet()) {
                pages(cell, pool.getKey(), pool.getValue());
            }
            Element distances = Xml.add(cell, "distances");
            for (int other = 0; other < shape.cells(); other++) {
                Element sibling = Xml.add(distances, "sibling");
                sibling.setAttribute("id", Integer.toString(other));
                sibling.setAttribute("value", other == c ? "10" : "21");
            }
            Element cpus = Xml.add(cell, "cpus");
            cpus.setAttribute("num", Integer.toString(shape.coresPerCell() * shape.threadsPerCore()));
            List<Element> cpuElements = new ArrayList<>();
            for (int t = 0; t < shape.threadsPerCore(); t++) {
                for (int k = 0; k < shape.coresPerCell(); k++) {
                    Element e = doc.createElement("cpu");
                    e.setAttribute("id", Integer.toString(cpuId(shape, c, k, t)));
                    e.setAttribute("socket_id", Integer.toString(c));
                    e.setAttribute("die_id", "0");
                    e.setAttribute("core_id", Integer.toString(k));
                    List<Integer> siblings = new ArrayList<>();
                    for (int s = 0; s < shape.threadsPerCore(); s++) {
                        siblings.add(cpuId(shape, c, k, s));
                    }
                    e.setAttribute("siblings", CpuList.format(siblings));
                    cpuElements.add(e);
                }
            }
            cpuElements.sort(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.getAttribute("id"))));
            cpuElements.forEach(cpus::appendChild);
        }
        Element guest = Xml.add(root, "guest");
        Xml.add(guest, "os_type", "hvm");
        Element arch = Xml.add(guest, "arch");
        arch.setAttribute("name", "x86_64");
        Xml.add(arch, "wordsize", "64");
        Xml.add(arch, "emulator", "/usr/bin/qemu-system-x86_64");
        Xml.add(arch, "machine", "pc-q35-7.2");
        Xml.add(arch, "domain").setAttribute("type", "qemu");
        if (shape.kvm()) {
            Xml.add(arch, "domain").setAttribute("type", "kvm");
        }
        return Xml.write(doc);
    }

    private static void pages(Element cell, long sizeKib, long count) {
        Element pages = Xml.add(cell, "pages", Long.toString(count));
        pages.setAttribute("unit", "KiB");
        pages.setAttribute("size", Long.toString(sizeKib));
    }

    static int cpuId(Shape shape, int cell, int core, int thread) {
        return thread * shape.cells() * shape.coresPerCell() + cell * shape.coresPerCell() + core;
    }

    /** The test driver's node file: CPU and memory totals, and one PCI device per PF and VF plus a net device per PF. */
    public static String nodeXml(Shape shape) {
        Document doc = Xml.newDocument();
        Element node = doc.createElement("node");
        doc.appendChild(node);
        Element cpu = Xml.add(node, "cpu");
        Xml.add(cpu, "mhz", "2400");
        Xml.add(cpu, "model", "x86_64");
        Xml.add(cpu, "active", Integer.toString(shape.totalCpus()));
        Xml.add(cpu, "nodes", Integer.toString(shape.cells()));
        Xml.add(cpu, "sockets", "1");
        Xml.add(cpu, "cores", Integer.toString(shape.coresPerCell()));
        Xml.add(cpu, "threads", Integer.toString(shape.threadsPerCore()));
        Element memory = Xml.add(node, "memory", Long.toString(shape.memoryKibPerCell() * shape.cells()));
        memory.setAttribute("unit", "KiB");
        for (int c = 0; c < shape.cells(); c++) {
            for (int p = 0; p < shape.pfsPerCell(); p++) {
                int bus = pfBus(c, p);
                List<int[]> vfs = new ArrayList<>();
                for (int v = 0; v < shape.vfsPerPf(); v++) {
                    vfs.add(new int[]{bus, 2 + v / 8, v % 8});
                }
                String pfName = pciDevice(node, new int[]{bus, 0, 0}, c, vfs, null, "ixgbe", "0x10fb");
                for (int[] vf : vfs) {
                    pciDevice(node, vf, c, List.of(), new int[]{bus, 0, 0}, "vfio-pci", "0x10ed");
                }
                String ifname = "ens" + (c + 1) + "f" + p;
                String mac = String.format("52:54:00:%02x:%02x:00", c, p);
                Element net = Xml.add(node, "device");
                Xml.add(net, "name", "net_" + ifname + "_" + mac.replace(':', '_'));
                Xml.add(net, "parent", pfName);
                Element capability = Xml.add(net, "capability");
                capability.setAttribute("type", "net");
                Xml.add(capability, "interface", ifname);
                Xml.add(capability, "address", mac);
                Element link = Xml.add(capability, "link");
                link.setAttribute("speed", "10000");
                link.setAttribute("state", "up");
                Xml.add(capability, "capability").setAttribute("type", "80203");
            }
        }
        return Xml.write(doc);
    }

    private static int pfBus(int cell, int pf) {
        return 0x18 + cell * 0x40 + pf;
    }

    private static String pciDevice(Element node, int[] bsf, int cell, List<int[]> vfs, int[] pf, String driver, String productId) {
        String name = String.format("pci_0000_%02x_%02x_%x", bsf[0], bsf[1], bsf[2]);
        Element device = Xml.add(node, "device");
        Xml.add(device, "name", name);
        Xml.add(device, "parent", "computer");
        Xml.add(Xml.add(device, "driver"), "name", driver);
        Element capability = Xml.add(device, "capability");
        capability.setAttribute("type", "pci");
        Xml.add(capability, "class", "0x020000");
        Xml.add(capability, "domain", "0");
        Xml.add(capability, "bus", Integer.toString(bsf[0]));
        Xml.add(capability, "slot", Integer.toString(bsf[1]));
        Xml.add(capability, "function", Integer.toString(bsf[2]));
        Xml.add(capability, "product", pf == null ? "82599ES 10-Gigabit SFI/SFP+ Network Connection" : "82599 Ethernet Controller Virtual Function")
                .setAttribute("id", productId);
        Xml.add(capability, "vendor", "Intel Corporation").setAttribute("id", "0x8086");
        if (pf != null) {
            Element physFunction = Xml.add(capability, "capability");
            physFunction.setAttribute("type", "phys_function");
            address(physFunction, pf);
        } else {
            Element virtFunctions = Xml.add(capability, "capability");
            virtFunctions.setAttribute("type", "virt_functions");
            virtFunctions.setAttribute("maxCount", "63");
            for (int[] vf : vfs) {
                address(virtFunctions, vf);
            }
        }
        Xml.add(capability, "numa").setAttribute("node", Integer.toString(cell));
        return name;
    }

    private static void address(Element parent, int[] bsf) {
        Element address = Xml.add(parent, "address");
        address.setAttribute("domain", "0x0000");
        address.setAttribute("bus", String.format("0x%02x", bsf[0]));
        address.setAttribute("slot", String.format("0x%02x", bsf[1]));
        address.setAttribute("function", String.format("0x%x", bsf[2]));
    }
}
