package dev.mano.dataplane.testing;

import dev.mano.dataplane.eal.Eal;

import java.util.List;

/**
 * The one EAL of the test JVM (DPDK allows one per process). Without hugepages, so it runs anywhere;
 * three lcores on the machine's CPUs: main on CPU 0, workers 1 (CPU 1) and 2 (CPU 0), so multi-lcore
 * plans run even on two cores. Tests create their own uniquely named vdevs (rte_dev_probe through
 * the ports' devargs), so they do not depend on each other. Real-hugepage runs fork the CLI (CliTest).
 */
public final class TestEal {
    public static final String FILE_PREFIX = "mano-test-" + ProcessHandle.current().pid();
    private static Eal eal;

    private TestEal() {
    }

    public static synchronized Eal get() {
        if (eal == null) {
            int cpus = Runtime.getRuntime().availableProcessors();
            String lcores = cpus >= 2 ? "0@0,1@1,2@0" : "0@0,1@0,2@0";
            eal = Eal.init(List.of("--lcores", lcores, "-n", "1", "--no-huge", "-m", "512", "--no-pci",
                    "--file-prefix", FILE_PREFIX, "--log-level", "lib.eal:warning"));
        }
        return eal;
    }
}
