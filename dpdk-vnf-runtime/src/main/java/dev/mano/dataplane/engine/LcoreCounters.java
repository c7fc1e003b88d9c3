package dev.mano.dataplane.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of one worker lcore. Only the worker writes them (opaque stores, no locked instructions);
 * any thread may read them. Padded so two workers' counters never share a cache line.
 */
public final class LcoreCounters {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int PAD = 8;
    private static final int RX = PAD;
    private static final int TX = PAD + 1;
    private static final int BUSY = PAD + 2;
    private static final int IDLE = PAD + 3;
    private static final int BUSY_NANOS = PAD + 4;
    private static final int TOTAL_NANOS = PAD + 5;
    private static final int DROPS = PAD + 6;

    private final long[] slots = new long[DROPS + DropReason.values().length + PAD];

    private void add(int slot, long delta) {
        SLOT.setOpaque(slots, slot, (long) SLOT.getOpaque(slots, slot) + delta);
    }

    private long get(int slot) {
        return (long) SLOT.getOpaque(slots, slot);
    }

    void addDrop(DropReason reason, long n) {
        add(DROPS + reason.ordinal(), n);
    }

    /** Adds what a window of poll iterations did: packets, busy and idle iterations, and their time. */
    void publish(long rx, long tx, long busyPolls, long idlePolls, long nanos, long busyNanos) {
        add(RX, rx);
        add(TX, tx);
        add(BUSY, busyPolls);
        add(IDLE, idlePolls);
        add(TOTAL_NANOS, nanos);
        add(BUSY_NANOS, busyNanos);
    }

    public long busyNanos() {
        return get(BUSY_NANOS);
    }

    public long totalNanos() {
        return get(TOTAL_NANOS);
    }

    public long rx() {
        return get(RX);
    }

    public long tx() {
        return get(TX);
    }

    public long busyPolls() {
        return get(BUSY);
    }

    public long idlePolls() {
        return get(IDLE);
    }

    public long drops(DropReason reason) {
        return get(DROPS + reason.ordinal());
    }

    public Map<DropReason, Long> drops() {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            drops.put(reason, drops(reason));
        }
        return drops;
    }
}
