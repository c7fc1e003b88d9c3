package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.bindings.rte_mbuf;
import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.packet.Mbuf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static dev.mano.dataplane.eal.NativeMemory.ALL;

/**
 * Frames placed in memory laid out as rte_mbufs (struct from the checked bindings, 128 bytes of
 * headroom, 2048 of data room) so stages run on them without EAL: for unit tests of the per-packet
 * logic. The pcap tests run the same stages on mbufs from a real DPDK mempool.
 */
public final class TestMbufs implements AutoCloseable {
    public static final int HEADROOM = 128;
    private static final long STRUCT = rte_mbuf.layout().byteSize();
    private static final int ROOM = 2048 + HEADROOM;

    private final Arena arena = Arena.ofConfined();
    private final Burst burst;
    private final long[] mbufs;

    public TestMbufs(int capacity) {
        this.burst = Burst.over(capacity, arena);
        this.mbufs = new long[capacity];
        MemorySegment memory = arena.allocate(capacity * (STRUCT + ROOM), 64);
        for (int i = 0; i < capacity; i++) {
            mbufs[i] = memory.address() + i * (STRUCT + ROOM);
        }
    }

    /** Loads frames into the first mbufs and starts a burst over them. */
    public Burst load(int rxPort, int txPort, byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            long mbuf = mbufs[i];
            ALL.asSlice(mbuf, STRUCT).fill((byte) 0);
            ALL.set(ValueLayout.JAVA_LONG, mbuf + Mbuf.BUF_ADDR, mbuf + STRUCT);
            ALL.set(ValueLayout.JAVA_SHORT, mbuf + Mbuf.BUF_LEN, (short) ROOM);
            ALL.set(ValueLayout.JAVA_SHORT, mbuf + Mbuf.DATA_OFF, (short) HEADROOM);
            ALL.set(ValueLayout.JAVA_SHORT, mbuf + Mbuf.NB_SEGS, (short) 1);
            Mbuf.setLength(mbuf, frames[i].length);
            MemorySegment.copy(frames[i], 0, ALL, ValueLayout.JAVA_BYTE, Mbuf.data(mbuf), frames[i].length);
            ALL.set(ValueLayout.JAVA_LONG, burst.pointers() + 8L * i, mbuf);
        }
        burst.begin(frames.length, rxPort, txPort);
        return burst;
    }

    /** The i-th frame as the stages left it. */
    public byte[] frame(int i) {
        long mbuf = ALL.get(ValueLayout.JAVA_LONG, burst.pointers() + 8L * i);
        byte[] out = new byte[Mbuf.dataLength(mbuf)];
        MemorySegment.copy(ALL, ValueLayout.JAVA_BYTE, Mbuf.data(mbuf), out, 0, out.length);
        return out;
    }

    public Burst burst() {
        return burst;
    }

    @Override
    public void close() {
        arena.close();
    }
}
