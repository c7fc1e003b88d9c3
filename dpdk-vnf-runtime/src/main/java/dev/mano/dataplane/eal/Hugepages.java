package dev.mano.dataplane.eal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the kernel offers EAL in hugepages. Checked before rte_eal_init so that a machine without
 * hugepages gets a message saying how to get them instead of EAL's "Cannot get hugepage information".
 */
public record Hugepages(long freePages, long freeBytes, boolean hugetlbfsMounted) {

    private static final Path SYSFS = Path.of("/sys/kernel/mm/hugepages");

    public static Hugepages current() {
        long pages = 0;
        long bytes = 0;
        if (Files.isDirectory(SYSFS)) {
            try (Stream<Path> sizes = Files.list(SYSFS)) {
                for (Path size : sizes.toList()) {
                    long free = Long.parseLong(Files.readString(size.resolve("free_hugepages")).trim());
                    long kb = Long.parseLong(size.getFileName().toString().replaceAll("\\D", ""));
                    pages += free;
                    bytes += free * kb * 1024;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Hugepages(pages, bytes, mounted());
    }

    private static boolean mounted() {
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/mounts"));
            return mounts.stream().anyMatch(line -> line.split(" ").length > 2 && line.split(" ")[2].equals("hugetlbfs"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Throws with the remedy when EAL, started with these arguments, could not get hugepage memory. */
    public void requireFor(List<String> ealArgs) {
        if (ealArgs.contains("--no-huge")) {
            return;
        }
        String remedy = "reserve and mount them as root: `echo 512 > /proc/sys/vm/nr_hugepages; mkdir -p /dev/hugepages;"
                + " mount -t hugetlbfs nodev /dev/hugepages` (or run without hugepages: add `--no-huge -m 512` to the EAL arguments)";
        if (freePages == 0) {
            throw new DpdkException("no free hugepages on this machine: " + remedy);
        }
        if (!hugetlbfsMounted && !ealArgs.contains("--in-memory")) {
            throw new DpdkException(freePages + " hugepages are free but no hugetlbfs is mounted: " + remedy);
        }
    }
}
