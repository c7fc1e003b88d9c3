package dev.mano.dataplane.vnf.lb;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Maglev consistent hashing (Eisenbud et al., NSDI 2016): each backend's name gives it a permutation of
 * the M slots (offset + j * skip mod M, M prime); backends take turns claiming their next free slot
 * until all M are claimed. Every backend gets M/N slots within one, and adding or removing one backend
 * moves little more than the slots it gains or loses. The table is an off-heap int array, immutable once
 * built; a backend change builds a new one.
 */
public final class MaglevTable implements AutoCloseable {
    public static final int DEFAULT_SIZE = 65537;
    public static final int NO_BACKEND = -1;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment slots;
    private final int size;
    private final List<Backend> backends;

    /** @param size a prime well above the backend count (100x gives at most ~1% imbalance) */
    public MaglevTable(List<Backend> backendList, int size) {
        if (!isPrime(size)) {
            throw new IllegalArgumentException("Maglev table size must be prime, was " + size);
        }
        this.size = size;
        this.backends = List.copyOf(backendList);
        this.slots = arena.allocate(4L * size, 64);
        populate();
    }

    private void populate() {
        int n = backends.size();
        int[] offset = new int[n];
        int[] skip = new int[n];
        int[] next = new int[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            byte[] name = backends.get(i).name().getBytes(StandardCharsets.UTF_8);
            offset[i] = (int) Long.remainderUnsigned(hash(name, 0x5DEECE66DL), size);
            skip[i] = (int) Long.remainderUnsigned(hash(name, 0x9E3779B97F4A7C15L), size - 1) + 1;
            any |= backends.get(i).healthy();
        }
        slots.fill((byte) 0xFF);
        if (!any) {
            return;
        }
        int filled = 0;
        while (true) {
            for (int i = 0; i < n; i++) {
                if (!backends.get(i).healthy()) {
                    continue;
                }
                int candidate = (int) ((offset[i] + (long) next[i] * skip[i]) % size);
                while (slots.getAtIndex(ValueLayout.JAVA_INT, candidate) >= 0) {
                    next[i]++;
                    candidate = (int) ((offset[i] + (long) next[i] * skip[i]) % size);
                }
                slots.setAtIndex(ValueLayout.JAVA_INT, candidate, i);
                next[i]++;
                if (++filled == size) {
                    return;
                }
            }
        }
    }

    /** The backend index for a flow hash, or {@link #NO_BACKEND} when none is healthy. */
    public int lookup(int flowHash) {
        return slots.getAtIndex(ValueLayout.JAVA_INT, Integer.remainderUnsigned(flowHash, size));
    }

    public int slot(int index) {
        return slots.getAtIndex(ValueLayout.JAVA_INT, index);
    }

    public int size() {
        return size;
    }

    public List<Backend> backends() {
        return backends;
    }

    static long hash(byte[] data, long seed) {
        long h = seed ^ (data.length * 0xC6A4A7935BD1E995L);
        for (byte b : data) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
            h ^= h >>> 29;
        }
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return h;
    }

    private static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int d = 2; (long) d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        arena.close();
    }
}
