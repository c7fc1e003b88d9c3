package dev.mano.orchestrator.hosts;

import dev.mano.vim.inventory.SimulatedHostFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Simulated hosts for libvirt's test driver, written under target/ with a unique name per call (the
 * Spring context, hence the database, is shared by all test classes of a run).
 *
 * <p>Shape: 2 cells x 4 cores x 2 threads; CPU n's sibling is n + 8; cell 0 holds CPUs 0-3,8-11 and
 * cell 1 CPUs 4-7,12-15; 1024 x 2M and 4 x 1G pages per cell; one PF per cell (ens1f0 on cell 0,
 * ens2f0 on cell 1) with 4 VFs each.
 */
public final class SimulatedHosts {
    /** Everything but core 0 of each cell (CPUs 0, 8, 4, 12 stay for housekeeping). */
    public static final String ISOLATED = "1-3,5-7,9-11,13-15";
    private static final Path DIR = Path.of("target", "simulated-hosts").toAbsolutePath();

    private SimulatedHosts() {}

    /** Writes a new host and returns its libvirt URI. */
    public static String write(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return SimulatedHostFiles.uri(SimulatedHostFiles.write(DIR, new SimulatedHostFiles.Shape(name, 2, 4, 2,
                8L << 20, Map.of(2048L, 1024L, 1048576L, 4L), 1, 4, false)));
    }

    /** The registration body for a host whose two PFs both serve {@code network}. */
    public static Map<String, Object> registration(String name, String uri, String network) {
        return Map.of("name", name, "libvirtUri", uri, "isolatedCpus", ISOLATED,
                "physicalNetworks", Map.of("ens1f0", network, "ens2f0", network));
    }
}
