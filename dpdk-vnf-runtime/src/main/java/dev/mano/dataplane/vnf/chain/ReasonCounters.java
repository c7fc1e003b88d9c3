package dev.mano.dataplane.vnf.chain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Per-reason packet counters of one stage instance, finer than the engine's drop reasons (a firewall
 * tells "no connection" from "denied by rule"). Written by the stage's worker with plain stores, read by
 * the control path as a snapshot that may trail by a burst.
 */
public final class ReasonCounters<E extends Enum<E>> {
    private final Class<E> type;
    private final long[] counts;

    public ReasonCounters(Class<E> type) {
        this.type = type;
        this.counts = new long[type.getEnumConstants().length];
    }

    public void add(E reason) {
        counts[reason.ordinal()]++;
    }

    public long get(E reason) {
        return counts[reason.ordinal()];
    }

    public long total() {
        long sum = 0;
        for (long count : counts) {
            sum += count;
        }
        return sum;
    }

    public Map<E, Long> snapshot() {
        Map<E, Long> map = new EnumMap<>(type);
        for (E reason : type.getEnumConstants()) {
            if (counts[reason.ordinal()] != 0) {
                map.put(reason, counts[reason.ordinal()]);
            }
        }
        return map;
    }
}
