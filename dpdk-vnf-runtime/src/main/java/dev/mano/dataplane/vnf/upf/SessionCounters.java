package dev.mano.dataplane.vnf.upf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Per-session usage (the N4 usage report subset): uplink and downlink packets and inner bytes, in a
 * fixed off-heap array indexed by a session's counter slot, which outlives session table rebuilds.
 */
final class SessionCounters implements AutoCloseable {
    private static final int LONGS = 4;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment counts;

    SessionCounters(int maxSessions) {
        this.counts = arena.allocate((long) maxSessions * LONGS * 8, 64);
    }

    void uplink(int slot, int bytes) {
        add(slot, 0, 1);
        add(slot, 1, bytes);
    }

    void downlink(int slot, int bytes) {
        add(slot, 2, 1);
        add(slot, 3, bytes);
    }

    private void add(int slot, int field, long amount) {
        long index = (long) slot * LONGS + field;
        counts.setAtIndex(ValueLayout.JAVA_LONG, index, counts.getAtIndex(ValueLayout.JAVA_LONG, index) + amount);
    }

    SessionUsage read(long seid, int slot) {
        long base = (long) slot * LONGS;
        return new SessionUsage(seid, counts.getAtIndex(ValueLayout.JAVA_LONG, base),
                counts.getAtIndex(ValueLayout.JAVA_LONG, base + 1), counts.getAtIndex(ValueLayout.JAVA_LONG, base + 2),
                counts.getAtIndex(ValueLayout.JAVA_LONG, base + 3));
    }

    void clear(int slot) {
        counts.asSlice((long) slot * LONGS * 8, LONGS * 8).fill((byte) 0);
    }

    @Override
    public void close() {
        arena.close();
    }
}
