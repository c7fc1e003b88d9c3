package dev.mano.dataplane.engine;

import dev.mano.dataplane.packet.Mbuf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static dev.mano.dataplane.eal.NativeMemory.ALL;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The packets one rx call returned, as the stages see them: a native array of mbuf pointers (the
 * array the PMD filled, so no copy), the ports it came from and goes to, and the drop marks.
 * One per worker, reused for every burst.
 */
public final class Burst {
    private static final byte KEEP = -1;

    private final int capacity;
    private final long pointers;
    private final long dropped;
    private final byte[] verdicts;
    private int size;
    private int drops;
    private int rxPort;
    private int txPort;

    Burst(int capacity, Arena arena) {
        this.capacity = capacity;
        MemorySegment both = arena.allocate(16L * capacity, 64);
        this.pointers = both.address();
        this.dropped = both.address() + 8L * capacity;
        this.verdicts = new byte[capacity];
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
        if (verdicts[i] == KEEP) {
            drops++;
        }
        verdicts[i] = (byte) reason.ordinal();
    }

    public boolean dropped(int i) {
        return verdicts[i] != KEEP;
    }

    /** Starts a burst of {@code n} received packets. */
    public void begin(int n, int rxPort, int txPort) {
        this.size = n;
        this.rxPort = rxPort;
        this.txPort = txPort;
        this.drops = 0;
        for (int i = 0; i < n; i++) {
            verdicts[i] = KEEP;
        }
    }

    /**
     * Moves dropped packets out (freeing them and counting the reasons), keeping the order of the
     * others; returns how many remain to transmit.
     */
    int finish(LcoreCounters counters) {
        if (drops == 0) {
            return size;
        }
        int kept = 0;
        int gone = 0;
        for (int i = 0; i < size; i++) {
            long mbuf = ALL.get(JAVA_LONG, pointers + 8L * i);
            if (verdicts[i] == KEEP) {
                ALL.set(JAVA_LONG, pointers + 8L * kept++, mbuf);
            } else {
                ALL.set(JAVA_LONG, dropped + 8L * gone++, mbuf);
                counters.addDrop(DropReason.of(verdicts[i]), 1);
            }
        }
        FastPath.free(dropped, gone);
        size = kept;
        return kept;
    }
}
