package dev.mano.dataplane.engine;

import java.util.Map;

/**
 * Counters of one worker lcore at one instant (cumulative since start). The busy ratio of an interval
 * is {@code ΔbusyNanos / ΔtotalNanos} between two snapshots: the share of time spent in poll iterations
 * that found packets, the load metric to scale on, since a poll-mode core always shows 100% CPU.
 *
 * @param busyNanos  time in poll iterations that received at least one packet
 * @param totalNanos time in all poll iterations
 */
public record LcoreSnapshot(int lcore, int cpu, long rxPackets, long txPackets, Map<DropReason, Long> drops,
                            long busyPolls, long idlePolls, long busyNanos, long totalNanos) {

    public long totalDrops() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Busy time over all poll time since start. */
    public double busyRatio() {
        return totalNanos == 0 ? 0 : (double) busyNanos / totalNanos;
    }
}
