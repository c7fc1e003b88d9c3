package dev.mano.dataplane.port;

import dev.mano.dataplane.bindings.Dpdk;
import dev.mano.dataplane.bindings.rte_ring;
import dev.mano.dataplane.bindings.rte_ring_headtail;
import dev.mano.dataplane.eal.DpdkException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * An rte_ring: DPDK's lock-free FIFO of pointers, the in-host link between VNF processes. Its
 * enqueue/dequeue are static inline, so the runtime moves packets through a ring by making it an ethdev
 * ({@link #attachAsPort}, the net_ring PMD): the engine then treats a ring like any other port.
 */
public final class Ring implements AutoCloseable {
    private final String name;
    private final MemorySegment ring;
    private final boolean owned;

    private Ring(String name, MemorySegment ring, boolean owned) {
        this.name = name;
        this.ring = ring.reinterpret(rte_ring.layout().byteSize());
        this.owned = owned;
    }

    /** A single-producer single-consumer ring of {@code size} slots (a power of two; holds size - 1). */
    public static Ring create(String name, int size, int socket) {
        if (Integer.bitCount(size) != 1) {
            throw new DpdkException("ring " + name + ": size must be a power of two, got " + size);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ring = Dpdk.rte_ring_create(arena.allocateFrom(name), size, socket,
                    Dpdk.RING_F_SP_ENQ() | Dpdk.RING_F_SC_DEQ());
            if (ring.address() == 0) {
                throw new DpdkException("cannot create ring " + name + " of " + size + " slots (name taken or no memory)");
            }
            return new Ring(name, ring, true);
        }
    }

    /** A ring another process (or component) created, by name. */
    public static Ring lookup(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ring = Dpdk.rte_ring_lookup(arena.allocateFrom(name));
            if (ring.address() == 0) {
                throw new DpdkException("no ring named " + name);
            }
            return new Ring(name, ring, false);
        }
    }

    /**
     * Creates an ethdev that receives from {@code rx} and transmits into {@code tx}; returns the port's
     * name, which the net_ring driver makes {@code net_ring_<name>}.
     */
    public static String attachAsPort(String name, Ring rx, Ring tx, int socket) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment rxs = arena.allocate(ADDRESS, 1);
            MemorySegment txs = arena.allocate(ADDRESS, 1);
            rxs.setAtIndex(ADDRESS, 0, rx.ring);
            txs.setAtIndex(ADDRESS, 0, tx.ring);
            int id = Dpdk.rte_eth_from_rings(arena.allocateFrom(name), rxs, 1, txs, 1, socket);
            if (id < 0) {
                throw new DpdkException("cannot create ring port " + name + " over rings " + rx.name + "/" + tx.name);
            }
            return "net_ring_" + name;
        }
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return ring.get(JAVA_INT, rte_ring.capacity$offset());
    }

    /** Entries in the ring now: producer tail minus consumer tail (what rte_ring_count computes). */
    public int count() {
        int prodTail = ring.get(JAVA_INT, rte_ring.prod$offset() + rte_ring_headtail.tail$offset());
        int consTail = ring.get(JAVA_INT, rte_ring.cons$offset() + rte_ring_headtail.tail$offset());
        int mask = ring.get(JAVA_INT, rte_ring.mask$offset());
        int count = (prodTail - consTail) & mask;
        return Math.min(count, capacity());
    }

    @Override
    public void close() {
        if (owned) {
            Dpdk.rte_ring_free(ring);
        }
    }
}
