package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.bindings.rte_mbuf;
import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.packet.Mbuf;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import static dev.mano.dataplane.eal.NativeMemory.ALL;

/**
 * mbufs whose packet data ends exactly at the end of a page followed by an inaccessible page
 * (mmap + mprotect PROT_NONE): a stage that reads or writes even one byte past the frame faults at
 * once instead of reading garbage. The frame's start has the usual headroom in front of it.
 */
public final class GuardedMbufs implements AutoCloseable {
    private static final int PAGE = 4096;
    private static final long STRUCT = rte_mbuf.layout().byteSize();
    private static final MethodHandle MMAP;
    private static final MethodHandle MPROTECT;
    private static final MethodHandle MUNMAP;

    static {
        Linker linker = Linker.nativeLinker();
        MMAP = linker.downcallHandle(linker.defaultLookup().find("mmap").orElseThrow(), FunctionDescriptor.of(
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        MPROTECT = linker.downcallHandle(linker.defaultLookup().find("mprotect").orElseThrow(), FunctionDescriptor.of(
                ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        MUNMAP = linker.downcallHandle(linker.defaultLookup().find("munmap").orElseThrow(), FunctionDescriptor.of(
                ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    private final Arena arena = Arena.ofConfined();
    private final Burst burst;
    private final long base;
    private final long size;
    private final int capacity;

    public GuardedMbufs(int capacity) {
        this.capacity = capacity;
        this.burst = Burst.over(capacity, arena);
        this.size = (long) capacity * 2 * PAGE;
        try {
            // PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS
            base = (long) MMAP.invokeExact(0L, size, 3, 0x22, -1, 0L);
            if (base == -1L) {
                throw new IllegalStateException("mmap failed");
            }
            for (int i = 0; i < capacity; i++) {
                int rc = (int) MPROTECT.invokeExact(base + (2L * i + 1) * PAGE, (long) PAGE, 0);
                if (rc != 0) {
                    throw new IllegalStateException("mprotect failed");
                }
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Largest frame that fits with 128 bytes of headroom. */
    public static int maxFrame() {
        return (int) (PAGE - STRUCT - 128);
    }

    public Burst load(int rxPort, int txPort, byte[][] frames, int count) {
        for (int i = 0; i < count; i++) {
            long mbuf = base + 2L * i * PAGE;
            ALL.asSlice(mbuf, STRUCT).fill((byte) 0);
            long buffer = mbuf + STRUCT;
            int room = (int) (PAGE - STRUCT);
            ALL.set(ValueLayout.JAVA_LONG, mbuf + Mbuf.BUF_ADDR, buffer);
            ALL.set(ValueLayout.JAVA_SHORT, mbuf + Mbuf.BUF_LEN, (short) room);
            ALL.set(ValueLayout.JAVA_SHORT, mbuf + Mbuf.DATA_OFF, (short) (room - frames[i].length));
            ALL.set(ValueLayout.JAVA_SHORT, mbuf + Mbuf.NB_SEGS, (short) 1);
            Mbuf.setLength(mbuf, frames[i].length);
            MemorySegment.copy(frames[i], 0, ALL, ValueLayout.JAVA_BYTE, Mbuf.data(mbuf), frames[i].length);
            ALL.set(ValueLayout.JAVA_LONG, burst.pointers() + 8L * i, mbuf);
        }
        burst.begin(count, rxPort, txPort);
        return burst;
    }

    /** Data start and length of packet i still lie inside its buffer. */
    public boolean withinBuffer(int i) {
        long mbuf = ALL.get(ValueLayout.JAVA_LONG, burst.pointers() + 8L * i);
        int offset = Mbuf.headroom(mbuf);
        return offset + Mbuf.dataLength(mbuf) <= Mbuf.bufferLength(mbuf) && Mbuf.packetLength(mbuf) == Mbuf.dataLength(mbuf);
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public void close() {
        try {
            int rc = (int) MUNMAP.invokeExact(base, size);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        arena.close();
    }
}
