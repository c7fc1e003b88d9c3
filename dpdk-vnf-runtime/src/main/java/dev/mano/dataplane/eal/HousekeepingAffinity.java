package dev.mano.dataplane.eal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Moves the JVM's own threads (JIT compilers, GC workers, the main thread's siblings) onto the main
 * lcore's CPU, so that only EAL's worker threads run on the worker cores. Why: a C2 compile or a GC
 * cycle landing on a forwarding core steals it from the poll loop; DPDK applications keep
 * housekeeping on the main core for the same reason. Threads the JVM starts later inherit the mask
 * of the thread that creates them, which is now the main core's.
 */
public final class HousekeepingAffinity {
    private static final MethodHandle SCHED_SETAFFINITY = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().findOrThrow("sched_setaffinity"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final int CPU_SET_BYTES = 128;

    private HousekeepingAffinity() {
    }

    /**
     * Pins every thread of this process except EAL's lcore workers ({@code rte-worker-*}) to {@code cpu}.
     *
     * @return the ids of the threads moved
     */
    public static List<Integer> confineTo(int cpu) {
        List<Integer> moved = new ArrayList<>();
        try (Arena arena = Arena.ofConfined(); Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            MemorySegment mask = arena.allocate(CPU_SET_BYTES, 8);
            mask.set(JAVA_LONG, (cpu / 64) * 8L, 1L << (cpu % 64));
            for (Path task : tasks.toList()) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                } catch (IOException gone) {
                    continue;
                }
                if (name.startsWith("rte-worker-")) {
                    continue;
                }
                int tid = Integer.parseInt(task.getFileName().toString());
                if ((int) SCHED_SETAFFINITY.invokeExact(tid, (long) CPU_SET_BYTES, mask.address()) == 0) {
                    moved.add(tid);
                }
            }
        } catch (IOException e) {
            return moved;
        } catch (Throwable e) {
            throw new IllegalStateException("sched_setaffinity failed", e);
        }
        return moved;
    }
}
