package dev.mano.vim.inventory;

import dev.mano.vim.VimException;
import dev.mano.vim.Xml;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What we read from a capabilities document (the format {@code virsh capabilities} prints): host CPU model and
 * arch, NUMA cells with CPUs and page pools (free = total: capabilities carry only totals), and the domain types
 * the host's guest section lists for its own arch.
 */
public record HostCapabilities(String arch, String cpuModel, List<NumaCell> cells, Set<String> domainTypes,
                               Set<String> cpuFeatures) {
    /** The base page size: not a hugepage pool. */
    static final long BASE_PAGE_KIB = 4;

    public HostCapabilities {
        cells = List.copyOf(cells);
        domainTypes = Set.copyOf(domainTypes);
        cpuFeatures = Set.copyOf(cpuFeatures);
    }

    /** The host CPU carries the hypervisor flag: the host is a VM and our guests are nested. */
    public boolean nested() {
        return cpuFeatures.contains("hypervisor");
    }

    public static HostCapabilities parse(String xml, String source) throws VimException {
        Element root = Xml.parse(xml, "capabilities of " + source).getDocumentElement();
        if (!"capabilities".equals(root.getTagName())) {
            throw new VimException("capabilities of " + source + ": root element is <" + root.getTagName()
                    + ">, expected <capabilities> as virsh capabilities prints it");
        }
        Element host = Xml.child(root, "host")
                .orElseThrow(() -> new VimException("capabilities of " + source + ": no <host> element"));
        String arch = Xml.path(host, "cpu").flatMap(cpu -> Xml.childText(cpu, "arch")).orElse("x86_64");
        String model = Xml.path(host, "cpu").flatMap(cpu -> Xml.childText(cpu, "model")).orElse("unknown");
        List<NumaCell> cells = new ArrayList<>();
        Element cellsElement = Xml.path(host, "topology", "cells").orElse(null);
        if (cellsElement != null) {
            for (Element cell : Xml.children(cellsElement, "cell")) {
                cells.add(parseCell(cell, source));
            }
        }
        cells.sort(Comparator.comparingInt(NumaCell::id));
        Set<String> domainTypes = new TreeSet<>();
        for (Element guest : Xml.children(root, "guest")) {
            for (Element guestArch : Xml.children(guest, "arch")) {
                if (arch.equals(guestArch.getAttribute("name"))) {
                    for (Element domain : Xml.children(guestArch, "domain")) {
                        domainTypes.add(domain.getAttribute("type"));
                    }
                }
            }
        }
        Set<String> features = new TreeSet<>();
        Xml.path(host, "cpu").ifPresent(cpu -> Xml.children(cpu, "feature").forEach(f -> features.add(f.getAttribute("name"))));
        return new HostCapabilities(arch, model, cells, domainTypes, features);
    }

    private static NumaCell parseCell(Element cell, String source) throws VimException {
        try {
            int id = Integer.parseInt(cell.getAttribute("id"));
            long memoryKib = Xml.child(cell, "memory").map(m -> toKib(Long.parseLong(m.getTextContent().trim()), m.getAttribute("unit"))).orElse(0L);
            List<HugepagePool> pools = new ArrayList<>();
            for (Element pages : Xml.children(cell, "pages")) {
                long sizeKib = toKib(Long.parseLong(pages.getAttribute("size")), pages.getAttribute("unit"));
                long count = Long.parseLong(pages.getTextContent().trim());
                if (sizeKib > BASE_PAGE_KIB) {
                    pools.add(new HugepagePool(id, sizeKib, count, count));
                }
            }
            pools.sort(Comparator.comparingLong(HugepagePool::pageSizeKib));
            List<Cpu> cpus = new ArrayList<>();
            Element cpusElement = Xml.child(cell, "cpus").orElse(null);
            if (cpusElement != null) {
                for (Element cpu : Xml.children(cpusElement, "cpu")) {
                    int cpuId = Integer.parseInt(cpu.getAttribute("id"));
                    List<Integer> siblings = cpu.hasAttribute("siblings") ? CpuList.parse(cpu.getAttribute("siblings")) : List.of(cpuId);
                    cpus.add(new Cpu(cpuId, intOr(cpu, "socket_id", -1), intOr(cpu, "core_id", -1), siblings));
                }
            }
            cpus.sort(Comparator.comparingInt(Cpu::id));
            return new NumaCell(id, memoryKib, cpus, pools);
        } catch (NumberFormatException e) {
            throw new VimException("capabilities of " + source + ": malformed number in cell " + cell.getAttribute("id")
                    + ": " + e.getMessage(), e);
        }
    }

    private static int intOr(Element e, String attribute, int fallback) {
        return e.hasAttribute(attribute) ? Integer.parseInt(e.getAttribute(attribute)) : fallback;
    }

    static long toKib(long value, String unit) {
        return switch (unit == null || unit.isEmpty() ? "KiB" : unit) {
            case "b", "bytes" -> value / 1024;
            case "KiB", "k", "K" -> value;
            case "MiB", "M" -> value * 1024;
            case "GiB", "G" -> value * 1024 * 1024;
            default -> throw new NumberFormatException("unknown unit " + unit);
        };
    }
}
