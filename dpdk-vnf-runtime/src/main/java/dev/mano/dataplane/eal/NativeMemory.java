package dev.mano.dataplane.eal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * One segment over the whole address space, read and written by absolute address.
 * Why: creating a MemorySegment per mbuf would allocate on every packet; C2 compiles an access
 * through this constant segment to a plain load/store with no object at all.
 */
public final class NativeMemory {
    public static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    public static final ValueLayout.OfByte U8 = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    public static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    public static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;
    public static final ValueLayout.OfShort U16_BE = U16.withOrder(ByteOrder.BIG_ENDIAN);
    public static final ValueLayout.OfInt U32_BE = U32.withOrder(ByteOrder.BIG_ENDIAN);

    private NativeMemory() {
    }

    public static byte getByte(long address) {
        return ALL.get(U8, address);
    }

    public static void putByte(long address, byte value) {
        ALL.set(U8, address, value);
    }

    public static short getShort(long address) {
        return ALL.get(U16, address);
    }

    public static void putShort(long address, short value) {
        ALL.set(U16, address, value);
    }

    public static int getInt(long address) {
        return ALL.get(U32, address);
    }

    public static void putInt(long address, int value) {
        ALL.set(U32, address, value);
    }

    public static long getLong(long address) {
        return ALL.get(U64, address);
    }

    public static void putLong(long address, long value) {
        ALL.set(U64, address, value);
    }

    public static int getShortBigEndian(long address) {
        return ALL.get(U16_BE, address) & 0xFFFF;
    }

    public static void putShortBigEndian(long address, int value) {
        ALL.set(U16_BE, address, (short) value);
    }

    public static int getIntBigEndian(long address) {
        return ALL.get(U32_BE, address);
    }

    public static void putIntBigEndian(long address, int value) {
        ALL.set(U32_BE, address, value);
    }

    public static void copyFrom(byte[] source, long address) {
        MemorySegment.copy(source, 0, ALL, U8, address, source.length);
    }

    public static byte[] copyTo(long address, int length) {
        byte[] bytes = new byte[length];
        MemorySegment.copy(ALL, U8, address, bytes, 0, length);
        return bytes;
    }
}
