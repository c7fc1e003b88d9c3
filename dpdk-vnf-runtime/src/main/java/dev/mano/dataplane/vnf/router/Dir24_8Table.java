package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.vnf.chain.TableMemory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * IPv4 longest-prefix match in the DIR-24-8 layout (the one rte_lpm uses): one 16-bit entry per /24
 * (2^24 entries, 32 MiB) and 256-entry groups for prefixes longer than /24. A lookup is one load, or
 * two for a /25../32 route. Entries: 0 = no route; bit 15 set = index of a group; else next hop + 1.
 *
 * <p>Why ours and not rte_lpm: rte_lpm_lookup and its bulk forms are static inline in rte_lpm.h, so
 * FFM cannot call them without a C shim, and a downcall per packet would cost more than the two loads
 * it performs. The table is built whole from a route list and never modified while readers use it;
 * run-time changes build another table and swap (see {@link RouteTable}).
 */
public final class Dir24_8Table implements AutoCloseable {
    public static final int NO_ROUTE = -1;
    public static final int MAX_NEXT_HOPS = 0x7FFE;
    private static final int EXTENDED = 0x8000;
    private static final ValueLayout.OfShort ENTRY = ValueLayout.JAVA_SHORT;

    private final Arena arena;
    private final MemorySegment tbl24;
    private final MemorySegment tbl8;
    private final int maxGroups;
    private int groupsUsed;
    private int routes;

    /** @param maxGroups how many /24s may hold routes longer than /24 (each costs 512 bytes). */
    public Dir24_8Table(int maxGroups) {
        if (maxGroups < 1 || maxGroups > 0x7FFF) {
            throw new IllegalArgumentException("maxGroups must be 1..32767, was " + maxGroups);
        }
        this.arena = Arena.ofShared();
        this.tbl24 = TableMemory.allocate(arena, 2L << 24);
        this.tbl8 = TableMemory.allocate(arena, (long) maxGroups * 256 * 2);
        this.maxGroups = maxGroups;
    }

    /** Replaces the whole content with these routes (most specific wins; for equal prefixes the last one). */
    public void load(List<Route> routeList) {
        if (routes != 0 || groupsUsed != 0) {
            tbl24.fill((byte) 0); // a fresh arena allocation is already zeroed
        }
        groupsUsed = 0;
        List<Route> sorted = new ArrayList<>(routeList);
        sorted.sort(Comparator.comparingInt(Route::depth));
        for (Route route : sorted) {
            if (route.nextHop() < 0 || route.nextHop() > MAX_NEXT_HOPS) {
                throw new IllegalArgumentException("next hop index out of range 0.." + MAX_NEXT_HOPS + ": " + route);
            }
            paint(route);
        }
        routes = sorted.size();
    }

    private void paint(Route route) {
        int prefix = route.prefix();
        int depth = route.depth();
        short value = (short) (route.nextHop() + 1);
        if (depth <= 24) {
            long first = Integer.toUnsignedLong(prefix) >>> 8;
            long count = 1L << (24 - depth);
            for (long i = first; i < first + count; i++) {
                tbl24.setAtIndex(ENTRY, i, value);
            }
            return;
        }
        long index24 = Integer.toUnsignedLong(prefix) >>> 8;
        int entry = tbl24.getAtIndex(ENTRY, index24) & 0xFFFF;
        int group;
        if ((entry & EXTENDED) != 0) {
            group = entry & 0x7FFF;
        } else {
            if (groupsUsed == maxGroups) {
                throw new IllegalStateException("more than " + maxGroups + " /24s hold routes longer than /24; raise max-tbl8-groups");
            }
            group = groupsUsed++;
            for (int i = 0; i < 256; i++) {
                tbl8.setAtIndex(ENTRY, (long) group * 256 + i, (short) entry);
            }
            tbl24.setAtIndex(ENTRY, index24, (short) (EXTENDED | group));
        }
        int first = prefix & 0xFF;
        int count = 1 << (32 - depth);
        for (int i = first; i < first + count; i++) {
            tbl8.setAtIndex(ENTRY, (long) group * 256 + i, value);
        }
    }

    /** The next hop index for this address, or {@link #NO_ROUTE}. Allocation free. */
    public int lookup(int address) {
        int entry = tbl24.getAtIndex(ENTRY, address >>> 8) & 0xFFFF;
        if ((entry & EXTENDED) != 0) {
            entry = tbl8.getAtIndex(ENTRY, ((long) (entry & 0x7FFF) << 8) | (address & 0xFF)) & 0xFFFF;
        }
        return entry - 1;
    }

    public int routeCount() {
        return routes;
    }

    public int groupsUsed() {
        return groupsUsed;
    }

    @Override
    public void close() {
        arena.close();
    }
}
