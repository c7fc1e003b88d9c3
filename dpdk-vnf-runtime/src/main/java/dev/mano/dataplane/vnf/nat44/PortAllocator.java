package dev.mano.dataplane.vnf.nat44;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * External ports of the NAT pool: one bitmap per (pool address, protocol), next-fit allocation from a
 * cursor so freed ports are not reused at once (a late packet of an old mapping then finds nothing
 * rather than the wrong host). Paired pooling: an inside host gets the same external address for all
 * its mappings (its preferred address by hash), and only another one when that one is exhausted.
 */
public final class PortAllocator implements AutoCloseable {
    public static final long EXHAUSTED = -1;
    private static final int PROTOCOLS = 3;

    private final Arena arena = Arena.ofShared();
    private final int[] addresses;
    private final int firstPort;
    private final int portCount;
    private final int wordsPerMap;
    private final MemorySegment bitmaps;
    private final int[] cursors;
    private final int[] used;

    public PortAllocator(int[] addresses, int firstPort, int lastPort) {
        if (addresses.length == 0) {
            throw new IllegalArgumentException("the NAT pool needs at least one address");
        }
        if (firstPort < 1 || lastPort > 65535 || firstPort > lastPort) {
            throw new IllegalArgumentException("port range " + firstPort + "-" + lastPort + " is not within 1-65535");
        }
        this.addresses = addresses.clone();
        this.firstPort = firstPort;
        this.portCount = lastPort - firstPort + 1;
        this.wordsPerMap = (portCount + 63) / 64;
        this.bitmaps = arena.allocate((long) addresses.length * PROTOCOLS * wordsPerMap * 8, 64);
        this.cursors = new int[addresses.length * PROTOCOLS];
        this.used = new int[addresses.length * PROTOCOLS];
    }

    static int protocolIndex(int protocol) {
        return switch (protocol) {
            case 6 -> 0;
            case 17 -> 1;
            case 1 -> 2;
            default -> throw new IllegalArgumentException("NAT translates TCP, UDP and ICMP only, not protocol " + protocol);
        };
    }

    private long word(int map, int bit) {
        return ((long) map * wordsPerMap + (bit >>> 6)) * 8;
    }

    /**
     * A free (address, port) for this inside host as {@code address << 16 | port} (address in the high
     * 32 bits of the 48), or {@link #EXHAUSTED}.
     */
    public long allocate(int protocol, int insideAddress) {
        int p = protocolIndex(protocol);
        int preferred = Math.floorMod(mix(insideAddress), addresses.length);
        for (int k = 0; k < addresses.length; k++) {
            int a = (preferred + k) % addresses.length;
            int map = a * PROTOCOLS + p;
            if (used[map] == portCount) {
                continue;
            }
            int bit = cursors[map];
            for (int n = 0; n < portCount; n++) {
                long at = word(map, bit);
                long bits = bitmaps.get(ValueLayout.JAVA_LONG, at);
                if ((bits & (1L << bit)) == 0) {
                    bitmaps.set(ValueLayout.JAVA_LONG, at, bits | (1L << bit));
                    used[map]++;
                    cursors[map] = bit + 1 == portCount ? 0 : bit + 1;
                    return Integer.toUnsignedLong(addresses[a]) << 16 | (firstPort + bit);
                }
                bit = bit + 1 == portCount ? 0 : bit + 1;
            }
        }
        return EXHAUSTED;
    }

    /** Marks a specific port used (static mappings); false if the address is not in the pool or the port is outside the range. */
    public boolean reserve(int protocol, int address, int port) {
        int map = mapOf(protocol, address);
        int bit = port - firstPort;
        if (map < 0 || bit < 0 || bit >= portCount) {
            return false;
        }
        long at = word(map, bit);
        long bits = bitmaps.get(ValueLayout.JAVA_LONG, at);
        if ((bits & (1L << bit)) == 0) {
            bitmaps.set(ValueLayout.JAVA_LONG, at, bits | (1L << bit));
            used[map]++;
        }
        return true;
    }

    public void release(int protocol, int address, int port) {
        int map = mapOf(protocol, address);
        int bit = port - firstPort;
        if (map < 0 || bit < 0 || bit >= portCount) {
            return;
        }
        long at = word(map, bit);
        long bits = bitmaps.get(ValueLayout.JAVA_LONG, at);
        if ((bits & (1L << bit)) != 0) {
            bitmaps.set(ValueLayout.JAVA_LONG, at, bits & ~(1L << bit));
            used[map]--;
        }
    }

    private int mapOf(int protocol, int address) {
        for (int a = 0; a < addresses.length; a++) {
            if (addresses[a] == address) {
                return a * PROTOCOLS + protocolIndex(protocol);
            }
        }
        return -1;
    }

    public int inUse(int protocol) {
        int p = protocolIndex(protocol);
        int sum = 0;
        for (int a = 0; a < addresses.length; a++) {
            sum += used[a * PROTOCOLS + p];
        }
        return sum;
    }

    public boolean inPool(int address) {
        for (int a : addresses) {
            if (a == address) {
                return true;
            }
        }
        return false;
    }

    public int capacityPerProtocol() {
        return portCount * addresses.length;
    }

    private static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x7FEB352D;
        x ^= x >>> 15;
        return x;
    }

    @Override
    public void close() {
        arena.close();
    }
}
