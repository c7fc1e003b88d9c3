package dev.mano.dataplane.vnf.chain;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Memory for the big lookup tables (LPM, connection and mapping tables): anonymous mmap, zero-filled
 * lazily by the kernel, advised MADV_HUGEPAGE before the first touch so transparent huge pages back it.
 * Why: a random probe into a 16-64 MiB table with 4 KiB pages misses the TLB on nearly every packet; with
 * 2 MiB pages the page walk disappears. (Arena.allocate zero-fills eagerly, which faults in 4 KiB pages
 * before any advice could apply.) Falls back to Arena memory where mmap is unavailable.
 */
public final class TableMemory {
    private static final long HUGE = 2L << 20;
    private static final MethodHandle MMAP;
    private static final MethodHandle MADVISE;
    private static final MethodHandle MUNMAP;

    static {
        Linker linker = Linker.nativeLinker();
        MMAP = linker.defaultLookup().find("mmap").map(a -> linker.downcallHandle(a, FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_LONG))).orElse(null);
        MADVISE = linker.defaultLookup().find("madvise").map(a -> linker.downcallHandle(a, FunctionDescriptor.of(
                ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT))).orElse(null);
        MUNMAP = linker.defaultLookup().find("munmap").map(a -> linker.downcallHandle(a, FunctionDescriptor.of(
                ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG))).orElse(null);
    }

    private TableMemory() {
    }

    /** {@code bytes} of zeroed memory, aligned to 64 bytes (2 MiB when large), freed when {@code arena} closes. */
    public static MemorySegment allocate(Arena arena, long bytes) {
        if (bytes < HUGE || MMAP == null || MADVISE == null || MUNMAP == null) {
            return arena.allocate(bytes, 64);
        }
        long length = (bytes + HUGE - 1) / HUGE * HUGE;
        long mapped;
        try {
            // Over-map by 2 MiB so that an aligned start exists: PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS.
            mapped = (long) MMAP.invokeExact(0L, length + HUGE, 3, 0x22, -1, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (mapped == -1L) {
            return arena.allocate(bytes, 64);
        }
        long start = (mapped + HUGE - 1) & -HUGE;
        try {
            int ignored = (int) MADVISE.invokeExact(start, length, 14); // MADV_HUGEPAGE; advice, so failure is harmless
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        long total = length + HUGE;
        return MemorySegment.ofAddress(start).reinterpret(bytes, arena, segment -> {
            try {
                int ignored = (int) MUNMAP.invokeExact(mapped, total);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        });
    }
}
