package dev.mano.vim.inventory;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.NativeLibvirt;
import dev.mano.vim.VimException;
import org.libvirt.Connect;
import org.libvirt.Device;
import org.libvirt.LibvirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a host's topology through libvirt: capabilities (cells, CPUs with siblings, page pools), free pages per
 * cell ({@code virNodeGetFreePages}), node devices (SR-IOV PFs and VFs) and whether KVM works (the capabilities'
 * guest section lists {@code kvm} and, on a real host, {@code virConnectGetDomainCapabilities} for kvm succeeds).
 *
 * <p>Simulated hosts: libvirt's test driver reports no NUMA cells for a custom node file. For
 * {@code test:///abs/dir/host-a.xml}, if {@code /abs/dir/host-a.capabilities.xml} exists it is read instead of
 * the driver's capabilities, by the same parser; the host name is then the file's base name ("host-a"), the free
 * page counts equal the totals (a capabilities document carries totals only) and KVM is what the document's guest
 * section lists. Node devices still come from the test driver, i.e. from the node file's {@code <device>} entries.
 */
public final class HostInventoryReader {
    private HostInventoryReader() {
    }

    public static HostTopology read(String libvirtUri) throws VimException {
        Connect connect = LibvirtConnection.open(libvirtUri);
        try {
            return read(connect, libvirtUri);
        } finally {
            try {
                connect.close();
            } catch (LibvirtException ignored) {
                // the read is complete; a failed close leaks nothing we could release
            }
        }
    }

    /** Reads through an open connection; {@code libvirtUri} is the URI it was opened with (for the simulation rule and messages). */
    public static HostTopology read(Connect connect, String libvirtUri) throws VimException {
        Optional<Path> simulated = simulatedCapabilitiesFile(libvirtUri);
        try {
            HostCapabilities capabilities;
            String hostname;
            boolean kvm;
            List<NumaCell> cells;
            if (simulated.isPresent()) {
                Path file = simulated.get();
                capabilities = HostCapabilities.parse(readFile(file), file.toString());
                hostname = baseName(file.getFileName().toString().replace(".capabilities.xml", ".xml"));
                kvm = capabilities.domainTypes().contains("kvm");
                cells = capabilities.cells();
            } else {
                capabilities = HostCapabilities.parse(connect.getCapabilities(), libvirtUri);
                hostname = connect.getHostName();
                kvm = capabilities.domainTypes().contains("kvm")
                        && NativeLibvirt.domainCapabilities(connect, capabilities.arch(), "kvm").isPresent();
                // the test driver's free page counts are invented (more free than total): keep its totals
                cells = "TEST".equals(connect.getType()) ? capabilities.cells() : withFreePages(connect, capabilities.cells());
            }
            List<PhysicalFunction> pfs = NodeDevices.physicalFunctions(nodeDeviceXmls(connect), libvirtUri);
            return new HostTopology(hostname, capabilities.cpuModel(), kvm, cells, pfs, capabilities.nested());
        } catch (LibvirtException e) {
            throw new VimException("cannot read the inventory of " + libvirtUri + ": " + LibvirtConnection.reason(e), e);
        }
    }

    /** The capabilities document that stands in for a test-driver host's, if the URI names one that exists. */
    public static Optional<Path> simulatedCapabilitiesFile(String libvirtUri) {
        if (!libvirtUri.startsWith("test://")) {
            return Optional.empty();
        }
        String path = libvirtUri.substring("test://".length());
        if (!path.startsWith("/") || !path.endsWith(".xml")) {
            return Optional.empty();
        }
        Path nodeFile = Path.of(path);
        Path capabilities = nodeFile.resolveSibling(baseName(nodeFile.getFileName().toString()) + ".capabilities.xml");
        return Files.isRegularFile(capabilities) ? Optional.of(capabilities) : Optional.empty();
    }

    private static String baseName(String fileName) {
        return fileName.endsWith(".xml") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    private static String readFile(Path file) throws VimException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new VimException("cannot read simulated capabilities " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<NumaCell> withFreePages(Connect connect, List<NumaCell> cells) throws VimException {
        List<NumaCell> result = new ArrayList<>();
        for (NumaCell cell : cells) {
            if (cell.hugepages().isEmpty()) {
                result.add(cell);
                continue;
            }
            int[] sizes = cell.hugepages().stream().mapToInt(p -> Math.toIntExact(p.pageSizeKib())).toArray();
            long[] free = NativeLibvirt.freePages(connect, sizes, cell.id(), 1)[0];
            List<HugepagePool> pools = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                HugepagePool pool = cell.hugepages().get(i);
                pools.add(new HugepagePool(pool.cellId(), pool.pageSizeKib(), pool.total(), free[i]));
            }
            result.add(new NumaCell(cell.id(), cell.memoryKib(), cell.cpus(), pools));
        }
        return result;
    }

    private static List<String> nodeDeviceXmls(Connect connect) throws LibvirtException {
        List<String> xmls = new ArrayList<>();
        for (String capability : List.of("pci", "net")) {
            for (String name : connect.listDevices(capability)) {
                Device device = connect.deviceLookupByName(name);
                try {
                    xmls.add(device.getXMLDescription());
                } finally {
                    device.free();
                }
            }
        }
        return xmls;
    }
}
