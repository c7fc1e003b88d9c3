package dev.mano.dataplane.engine;

import dev.mano.dataplane.bindings.Dpdk;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The per-burst downcalls. rte_eth_rx_burst/tx_burst are static inline in C: they load
 * rte_eth_fp_ops[port].rx_pkt_burst and rxq.data[queue] and call the PMD; {@link QueueEndpoint} does
 * those loads once at start and this class makes the call. Pointers are passed as longs (same
 * register class in the SysV ABI) so that no MemorySegment is created per call.
 * {@code Linker.Option.critical}: the calls are short, never block and never call back into Java, so
 * the thread-state transition is skipped.
 */
public final class FastPath {
    private static final Linker LINKER = Linker.nativeLinker();

    /** uint16_t (*)(void *queue, struct rte_mbuf **pkts, uint16_t n): eth_rx_burst_t and eth_tx_burst_t. */
    private static final MethodHandle BURST = LINKER.downcallHandle(
            FunctionDescriptor.of(JAVA_SHORT, JAVA_LONG, JAVA_LONG, JAVA_SHORT), Linker.Option.critical(false));

    /** void rte_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count): exported, not inline. */
    private static final MethodHandle FREE_BULK = LINKER.downcallHandle(Dpdk.rte_pktmbuf_free_bulk$address(),
            FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_INT), Linker.Option.critical(false));

    private FastPath() {
    }

    /** Receives up to {@code count} mbuf pointers into the array at {@code pointers}; returns how many. */
    public static int rx(QueueEndpoint queue, long pointers, int count) {
        try {
            return (short) BURST.invokeExact(queue.function(), queue.queue(), pointers, (short) count) & 0xFFFF;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands {@code count} mbufs to the PMD; returns how many it took (the rest still belong to us). */
    public static int tx(QueueEndpoint queue, long pointers, int count) {
        try {
            return (short) BURST.invokeExact(queue.function(), queue.queue(), pointers, (short) count) & 0xFFFF;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public static void free(long pointers, int count) {
        try {
            FREE_BULK.invokeExact(pointers, count);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
