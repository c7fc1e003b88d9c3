package dev.mano.vnfm.scaling;

import java.time.Duration;

/**
 * A VNF's monitoring-driven scaling policy (from the VNFD: a SOL001 scaling aspect plus
 * our monitoring policy). Scale in is deliberately slower than scale out: a longer window
 * and lower thresholds leave a dead band so the VNF does not flap between sizes.
 *
 * @param scaleOutBusyRatio scale out when every sample of the window is above this busy ratio...
 * @param scaleOutDropRate  ...or above this drop rate (1.0: never, which disables the metric)
 * @param scaleOutWindow    how long the overload must last
 * @param scaleInBusyRatio  scale in when every sample of the window is below this busy ratio...
 * @param scaleInDropRate   ...and at or below this drop rate
 * @param scaleInWindow     how long the idleness must last; at least the scale-out window
 * @param cooldown          no decision this long after the last scaling operation, so the new
 *                          size shows in the figures before it is judged
 * @param minInstances      never fewer VNFCs
 * @param maxInstances      never more VNFCs
 * @param step              VNFCs added or removed per decision
 */
public record ScalingPolicy(double scaleOutBusyRatio, double scaleOutDropRate, Duration scaleOutWindow,
                            double scaleInBusyRatio, double scaleInDropRate, Duration scaleInWindow,
                            Duration cooldown, int minInstances, int maxInstances, int step) {

    public ScalingPolicy {
        requireRatio("scaleOutBusyRatio", scaleOutBusyRatio);
        requireRatio("scaleOutDropRate", scaleOutDropRate);
        requireRatio("scaleInBusyRatio", scaleInBusyRatio);
        requireRatio("scaleInDropRate", scaleInDropRate);
        if (scaleInBusyRatio >= scaleOutBusyRatio) {
            throw new IllegalArgumentException("scaleInBusyRatio must be below scaleOutBusyRatio, or the VNF flaps");
        }
        if (scaleInDropRate >= scaleOutDropRate) {
            throw new IllegalArgumentException("scaleInDropRate must be below scaleOutDropRate, or the VNF flaps");
        }
        if (scaleOutWindow.isNegative() || scaleOutWindow.isZero()) {
            throw new IllegalArgumentException("scaleOutWindow must be positive");
        }
        if (scaleInWindow.compareTo(scaleOutWindow) < 0) {
            throw new IllegalArgumentException("scaleInWindow must be at least scaleOutWindow");
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative");
        }
        if (minInstances < 1 || maxInstances < minInstances) {
            throw new IllegalArgumentException("need 1 <= minInstances <= maxInstances");
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be at least 1");
        }
    }

    /** Sensible defaults for a DPDK VNF: out above 80% busy or 0.1% drops for 30 s, in below 30% for 5 min. */
    public static ScalingPolicy defaults(int minInstances, int maxInstances) {
        return new ScalingPolicy(0.80, 0.001, Duration.ofSeconds(30), 0.30, 0.0, Duration.ofMinutes(5),
                Duration.ofMinutes(2), minInstances, maxInstances, 1);
    }

    /** The load figure a single-metric policy watches. */
    public enum Metric { BUSY_RATIO, DROP_RATE }

    /** How much longer idleness must last than overload before scaling in. */
    public static final int SCALE_IN_WINDOW_FACTOR = 4;

    /**
     * A policy on one metric, as a VNFD's {@code mano.policies.Autoscaling} states it (one
     * window, one cooldown). Scale in waits {@value #SCALE_IN_WINDOW_FACTOR} windows. On busy
     * ratio, any drop still blocks scale in (dropping is never "idle") and drops alone never
     * scale out; on drop rate, busy ratio plays no part.
     */
    public static ScalingPolicy onMetric(Metric metric, double scaleOutThreshold, double scaleInThreshold,
                                         Duration window, Duration cooldown, int minInstances, int maxInstances) {
        Duration inWindow = window.multipliedBy(SCALE_IN_WINDOW_FACTOR);
        return switch (metric) {
            // a drop rate is never above 1.0: drops alone do not scale out
            case BUSY_RATIO -> new ScalingPolicy(scaleOutThreshold, 1.0, window, scaleInThreshold, 0.0,
                    inWindow, cooldown, minInstances, maxInstances, 1);
            // a busy ratio is never above 1.0: busy alone does not scale out
            case DROP_RATE -> new ScalingPolicy(1.0, scaleOutThreshold, window, 1.0 - Math.ulp(1.0),
                    scaleInThreshold, inWindow, cooldown, minInstances, maxInstances, 1);
        };
    }

    private static void requireRatio(String name, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within [0, 1]: " + v);
        }
    }
}
