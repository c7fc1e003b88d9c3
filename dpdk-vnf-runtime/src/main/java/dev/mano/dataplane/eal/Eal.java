package dev.mano.dataplane.eal;

import dev.mano.dataplane.bindings.Dpdk;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * DPDK's Environment Abstraction Layer. DPDK allows one EAL per process (a second rte_eal_init fails
 * with EALREADY, and rte_eal_cleanup cannot be followed by another init), so this is a process-wide
 * singleton: {@link #init} once, then {@link #current()}.
 */
public final class Eal {
    private static Eal current;

    private final List<String> args;
    private final int mainLcore;
    private final List<Integer> workerLcores;
    private boolean cleanedUp;

    private Eal(List<String> args, int mainLcore, List<Integer> workerLcores) {
        this.args = List.copyOf(args);
        this.mainLcore = mainLcore;
        this.workerLcores = List.copyOf(workerLcores);
    }

    /**
     * Starts EAL with these arguments (argv[0] is added). The calling thread becomes the main lcore
     * and EAL pins it to that lcore's CPU.
     */
    public static synchronized Eal init(List<String> ealArgs) {
        if (current != null) {
            throw new DpdkException("EAL is already initialised in this process with " + current.args
                    + "; DPDK allows one EAL per process");
        }
        Hugepages.current().requireFor(ealArgs);
        List<String> argv = new ArrayList<>();
        argv.add("dpdk-vnf-runtime");
        argv.addAll(ealArgs);
        // EAL keeps pointers into argv (device arguments, log names): the strings must live forever.
        Arena arena = Arena.global();
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, argv.size() + 1L);
        for (int i = 0; i < argv.size(); i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(argv.get(i)));
        }
        int rc = Dpdk.rte_eal_init(argv.size(), array);
        if (rc < 0) {
            throw new DpdkException("EAL initialisation failed for arguments " + ealArgs
                    + ": the EAL messages above say which argument or resource (run with --log-level=eal,debug for more)");
        }
        int main = Dpdk.rte_get_main_lcore();
        List<Integer> workers = new ArrayList<>();
        for (int lcore = Dpdk.rte_get_next_lcore(-1, 1, 0); lcore < Dpdk.RTE_MAX_LCORE();
                lcore = Dpdk.rte_get_next_lcore(lcore, 1, 0)) {
            workers.add(lcore);
        }
        current = new Eal(ealArgs, main, workers);
        return current;
    }

    public static synchronized Eal current() {
        if (current == null) {
            throw new IllegalStateException("EAL is not initialised");
        }
        return current;
    }

    public static synchronized boolean initialised() {
        return current != null;
    }

    public List<String> args() {
        return args;
    }

    public int mainLcore() {
        return mainLcore;
    }

    /** The lcores EAL started worker threads on (every lcore of -l/--lcores except the main one). */
    public List<Integer> workerLcores() {
        return workerLcores;
    }

    public int cpuOf(int lcore) {
        return Dpdk.rte_lcore_to_cpu_id(lcore);
    }

    public int socketOf(int lcore) {
        return Dpdk.rte_lcore_to_socket_id(lcore);
    }

    public boolean hasHugepages() {
        return Dpdk.rte_eal_has_hugepages() != 0;
    }

    /** Releases EAL's resources; the process cannot start EAL again. */
    public synchronized void cleanup() {
        if (!cleanedUp) {
            cleanedUp = true;
            Dpdk.rte_eal_cleanup();
        }
    }
}
