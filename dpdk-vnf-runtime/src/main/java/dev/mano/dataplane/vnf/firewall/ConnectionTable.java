package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.vnf.chain.TableMemory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Connection tracking entries in one off-heap array: open addressing with linear probing and
 * backward-shift deletion (no tombstones, so lookups stay short after heavy churn). One 32-byte slot
 * per connection, keyed by the 5-tuple of its first packet:
 * {@code 0 src, 4 dst, 8 sport<<16|dport, 12 proto (0 = free), 13 state, 14 flags, 16 expiresAt, 24 value}.
 * Written by one worker only; the control path reads counts. No allocation on any operation.
 */
public final class ConnectionTable implements AutoCloseable {
    public static final int MISSING = -1;
    private static final int SLOT = 32;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment slots;
    private final int mask;
    private final int limit;
    private int size;
    private int sweepCursor;

    /** @param capacity connections to hold; the table has twice as many slots (load stays below 1/2). */
    public ConnectionTable(int capacity) {
        int slotCount = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1) << 1;
        this.mask = slotCount - 1;
        this.limit = capacity;
        this.slots = TableMemory.allocate(arena, (long) slotCount * SLOT);
    }

    /** The key's hash; pass it to {@link #touch(int)} and {@link #find(int, int, int, int, int)} to compute it once. */
    public static int hash(int source, int destination, int ports, int protocol) {
        long h = (Integer.toUnsignedLong(source) << 32 | Integer.toUnsignedLong(destination)) * 0x9E3779B97F4A7C15L;
        h ^= (Integer.toUnsignedLong(ports) << 8 | protocol) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0x165667B19E3779F9L;
        return (int) (h ^ h >>> 32);
    }

    private long at(int slot) {
        return (long) slot * SLOT;
    }

    public int find(int source, int destination, int ports, int protocol) {
        return find(hash(source, destination, ports, protocol), source, destination, ports, protocol);
    }

    /** {@link #find(int, int, int, int)} with the key's {@link #hash} already computed. */
    public int find(int hash, int source, int destination, int ports, int protocol) {
        int slot = hash & mask;
        while (true) {
            long base = at(slot);
            int proto = slots.get(BYTE, base + 12) & 0xFF;
            if (proto == 0) {
                return MISSING;
            }
            if (proto == protocol && slots.get(INT, base) == source && slots.get(INT, base + 4) == destination
                    && slots.get(INT, base + 8) == ports) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Reads the first word of this key's home slot and returns it. Called for every packet of a burst
     * before the lookups, it lets the cache misses of the whole burst overlap (the loads are
     * independent), the way VPP prefetches a frame's buckets; the later find() then hits the cache.
     */
    public long touch(int source, int destination, int ports, int protocol) {
        return touch(hash(source, destination, ports, protocol));
    }

    /** {@link #touch(int, int, int, int)} by the key's hash: a tight loop of these keeps many misses in flight. */
    public long touch(int hash) {
        return slots.get(LONG, at(hash & mask));
    }

    /** Adds a connection that {@link #find} did not find; {@link #MISSING} when the table is full. */
    public int insert(int source, int destination, int ports, int protocol, long expiresAt) {
        if (size >= limit || protocol == 0) {
            return MISSING;
        }
        int slot = hash(source, destination, ports, protocol) & mask;
        while ((slots.get(BYTE, at(slot) + 12)) != 0) {
            slot = (slot + 1) & mask;
        }
        long base = at(slot);
        slots.set(INT, base, source);
        slots.set(INT, base + 4, destination);
        slots.set(INT, base + 8, ports);
        slots.set(BYTE, base + 12, (byte) protocol);
        slots.set(BYTE, base + 13, (byte) 0);
        slots.set(ValueLayout.JAVA_SHORT, base + 14, (short) 0);
        slots.set(LONG, base + 16, expiresAt);
        slots.set(LONG, base + 24, 0L);
        size++;
        return slot;
    }

    /** Removes the entry in this slot; a later entry of the same probe run may move into it. */
    public void remove(int slot) {
        int hole = slot;
        int next = (hole + 1) & mask;
        while ((slots.get(BYTE, at(next) + 12)) != 0) {
            long base = at(next);
            int home = hash(slots.get(INT, base), slots.get(INT, base + 4), slots.get(INT, base + 8),
                    slots.get(BYTE, base + 12) & 0xFF) & mask;
            // Move the entry back into the hole unless its home lies cyclically in (hole, next].
            boolean homeBetween = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next);
            if (!homeBetween) {
                MemorySegment.copy(slots, base, slots, at(hole), SLOT);
                hole = next;
            }
            next = (next + 1) & mask;
        }
        slots.set(BYTE, at(hole) + 12, (byte) 0);
        size--;
    }

    /**
     * Looks at up to {@code budget} slots from where the last call stopped and returns the first one
     * whose entry expired before {@code now}, or {@link #MISSING}. The caller reads it and removes it.
     * Why incremental: aging must not stall a worker for a scan over a million slots.
     */
    public int nextExpired(long now, int budget) {
        for (int i = 0; i < budget; i++) {
            int slot = sweepCursor;
            long base = at(slot);
            if (slots.get(BYTE, base + 12) != 0 && slots.get(LONG, base + 16) - now < 0) {
                return slot; // cursor stays: the slot may refill by backward shift after removal
            }
            sweepCursor = (slot + 1) & mask;
        }
        return MISSING;
    }

    public int state(int slot) {
        return slots.get(BYTE, at(slot) + 13);
    }

    public void setState(int slot, int state) {
        slots.set(BYTE, at(slot) + 13, (byte) state);
    }

    public int flags(int slot) {
        return slots.get(ValueLayout.JAVA_SHORT, at(slot) + 14) & 0xFFFF;
    }

    public void setFlags(int slot, int flags) {
        slots.set(ValueLayout.JAVA_SHORT, at(slot) + 14, (short) flags);
    }

    public long expiresAt(int slot) {
        return slots.get(LONG, at(slot) + 16);
    }

    public void setExpiresAt(int slot, long expiresAt) {
        slots.set(LONG, at(slot) + 16, expiresAt);
    }

    public long value(int slot) {
        return slots.get(LONG, at(slot) + 24);
    }

    public void setValue(int slot, long value) {
        slots.set(LONG, at(slot) + 24, value);
    }

    public int source(int slot) {
        return slots.get(INT, at(slot));
    }

    public int destination(int slot) {
        return slots.get(INT, at(slot) + 4);
    }

    public int ports(int slot) {
        return slots.get(INT, at(slot) + 8);
    }

    public int protocol(int slot) {
        return slots.get(BYTE, at(slot) + 12) & 0xFF;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return limit;
    }

    @Override
    public void close() {
        arena.close();
    }
}
