package dev.mano.dataplane.port;

import dev.mano.dataplane.bindings.Dpdk;
import dev.mano.dataplane.bindings.rte_mempool;
import dev.mano.dataplane.bindings.rte_mempool_ops;
import dev.mano.dataplane.bindings.rte_mempool_ops_table;
import dev.mano.dataplane.eal.DpdkException;
import dev.mano.dataplane.packet.Mbuf;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/** A pool of packet buffers (rte_pktmbuf_pool_create). */
public final class Mempool implements AutoCloseable {
    /** int (*rte_mempool_dequeue_t)(struct rte_mempool *mp, void **obj_table, unsigned int n). */
    private static final MethodHandle DEQUEUE = Linker.nativeLinker().downcallHandle(
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));

    private final String name;
    private final MemorySegment pool;
    private boolean freed;

    private Mempool(String name, MemorySegment pool) {
        this.name = name;
        this.pool = pool.reinterpret(rte_mempool.layout().byteSize());
    }

    /**
     * @param mbufs number of buffers (2^n - 1 is the most memory-efficient for the ring)
     * @param cache per-lcore cache size, at most 512
     */
    public static Mempool create(String name, int mbufs, int cache, int socket) {
        if (cache > Dpdk.RTE_MEMPOOL_CACHE_MAX_SIZE() || cache < 0) {
            throw new DpdkException("mempool " + name + ": cache " + cache + " must be 0.." + Dpdk.RTE_MEMPOOL_CACHE_MAX_SIZE());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pool = Dpdk.rte_pktmbuf_pool_create(arena.allocateFrom(name), mbufs, cache, (short) 0,
                    (short) Dpdk.RTE_MBUF_DEFAULT_BUF_SIZE(), socket);
            if (pool.address() == 0) {
                throw new DpdkException("cannot create mempool " + name + " of " + mbufs + " mbufs on socket " + socket
                        + ": not enough DPDK memory (more hugepages, or a larger -m with --no-huge) or the name is taken");
            }
            return new Mempool(name, pool);
        }
    }

    public String name() {
        return name;
    }

    public MemorySegment segment() {
        return pool;
    }

    public int available() {
        return Dpdk.rte_mempool_avail_count(pool);
    }

    public int inUse() {
        return Dpdk.rte_mempool_in_use_count(pool);
    }

    /**
     * Takes up to {@code count} mbufs straight from the pool's backing store (bypassing the per-lcore
     * caches, since rte_pktmbuf_alloc_bulk is static inline), resets them and writes their addresses to
     * {@code pointers}. For the control path (injecting packets, tests); the fast path gets mbufs from rx.
     *
     * @return true when all {@code count} mbufs were taken, false when the pool had too few (none taken)
     */
    public boolean allocate(MemorySegment pointers, int count) {
        int opsIndex = pool.get(JAVA_INT, rte_mempool.ops_index$offset());
        MemorySegment ops = Dpdk.rte_mempool_ops_table().reinterpret(rte_mempool_ops_table.layout().byteSize())
                .asSlice(rte_mempool_ops_table.ops$offset() + opsIndex * rte_mempool_ops.layout().byteSize(),
                        rte_mempool_ops.layout());
        MemorySegment dequeue = rte_mempool_ops.dequeue(ops);
        int rc;
        try {
            rc = (int) DEQUEUE.invokeExact(dequeue, pool, pointers, count);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        if (rc < 0) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            Mbuf.reset(pointers.getAtIndex(ADDRESS, i).address(), Dpdk.RTE_PKTMBUF_HEADROOM());
        }
        return true;
    }

    /** Returns mbufs to their pool (rte_pktmbuf_free_bulk). */
    public static void free(MemorySegment pointers, int count) {
        Dpdk.rte_pktmbuf_free_bulk(pointers, count);
    }

    @Override
    public void close() {
        if (!freed) {
            freed = true;
            Dpdk.rte_mempool_free(pool);
        }
    }
}
