package dev.mano.dataplane.vnf.upf;

/**
 * An immutable int key to int value map (open addressing, linear probing; key 0 means empty, which
 * neither a TEID nor a UE address can be). Built once per session change; lookups allocate nothing.
 */
final class IntIndex {
    static final int MISSING = -1;
    private final int[] keys;
    private final int[] values;
    private final int mask;

    IntIndex(int[] keyList, int[] valueList) {
        int capacity = Integer.highestOneBit(Math.max(8, keyList.length * 2) - 1) << 1;
        this.keys = new int[capacity];
        this.values = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < keyList.length; i++) {
            int slot = mix(keyList[i]) & mask;
            while (keys[slot] != 0) {
                if (keys[slot] == keyList[i]) {
                    throw new IllegalArgumentException("duplicate key " + Integer.toUnsignedString(keyList[i]));
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = keyList[i];
            values[slot] = valueList[i];
        }
    }

    int get(int key) {
        int slot = mix(key) & mask;
        while (true) {
            int k = keys[slot];
            if (k == key) {
                return k == 0 ? MISSING : values[slot];
            }
            if (k == 0) {
                return MISSING;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x45D9F3B;
        x ^= x >>> 16;
        return x;
    }
}
