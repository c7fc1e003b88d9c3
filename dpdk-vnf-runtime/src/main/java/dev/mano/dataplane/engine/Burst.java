package dev.mano.dataplane.engine;

import dev.mano.dataplane.packet.Mbuf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static dev.mano.dataplane.eal.NativeMemory.ALL;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The packets one rx call returned, as the stages see them: a native array of mbuf pointers (the
 * array the PMD filled, so no copy), the ports it came from and goes to, and the drop marks (a bit
 * mask, so starting a burst costs one store). One per worker, reused for every burst.
 */
public final class Burst {
    /** The drop marks are the bits of one long. */
    public static final int MAX_SIZE = 64;

    private final int capacity;
    private final long pointers;
    private final long dropped;
    private final byte[] reasons;
    private int size;
    private long dropMask;
    private int rxPort;
    private int txPort;

    Burst(int capacity, Arena arena) {
        if (capacity < 1 || capacity > MAX_SIZE) {
            throw new IllegalArgumentException("burst size must be 1.." + MAX_SIZE + ", got " + capacity);
        }
        this.capacity = capacity;
        MemorySegment both = arena.allocate(16L * capacity, 64);
        this.pointers = both.address();
        this.dropped = both.address() + 8L * capacity;
        this.reasons = new byte[capacity];
    }

    /** A burst over memory the caller owns (tests of stages); {@code pointers} holds {@code capacity} slots. */
    public static Burst over(int capacity, Arena arena) {
        return new Burst(capacity, arena);
    }

    public int capacity() {
        return capacity;
    }

    /** Native address of the mbuf pointer array. */
    public long pointers() {
        return pointers;
    }

    public int size() {
        return size;
    }

    public int rxPort() {
        return rxPort;
    }

    public int txPort() {
        return txPort;
    }

    /** The i-th mbuf's address. */
    public long mbuf(int i) {
        return ALL.get(JAVA_LONG, pointers + 8L * i);
    }

    /** The i-th packet's data address (its Ethernet header). */
    public long data(int i) {
        return Mbuf.data(mbuf(i));
    }

    public int length(int i) {
        return Mbuf.dataLength(mbuf(i));
    }

    /** Marks packet i to be dropped after the stages; later stages should skip it ({@link #dropped(int)}). */
    public void drop(int i, DropReason reason) {
        dropMask |= 1L << i;
        reasons[i] = (byte) reason.ordinal();
    }

    public boolean dropped(int i) {
        return (dropMask & (1L << i)) != 0;
    }

    /** Starts a burst of {@code n} received packets. */
    public void begin(int n, int rxPort, int txPort) {
        this.size = n;
        this.rxPort = rxPort;
        this.txPort = txPort;
        this.dropMask = 0;
    }

    /**
     * Moves dropped packets out (freeing them and counting the reasons), keeping the order of the
     * others; returns how many remain to transmit.
     */
    int finish(LcoreCounters counters) {
        if (dropMask == 0) {
            return size;
        }
        int kept = 0;
        int gone = 0;
        for (int i = 0; i < size; i++) {
            long mbuf = ALL.get(JAVA_LONG, pointers + 8L * i);
            if ((dropMask & (1L << i)) == 0) {
                ALL.set(JAVA_LONG, pointers + 8L * kept++, mbuf);
            } else {
                ALL.set(JAVA_LONG, dropped + 8L * gone++, mbuf);
                counters.addDrop(DropReason.of(reasons[i]), 1);
            }
        }
        FastPath.free(dropped, gone);
        size = kept;
        return kept;
    }
}
