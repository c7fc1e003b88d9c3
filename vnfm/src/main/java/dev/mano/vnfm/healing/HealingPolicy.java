package dev.mano.vnfm.healing;

import java.time.Duration;

/**
 * How a VNF is healed.
 *
 * @param heartbeatTimeout silence after which a VNFC counts as lost
 * @param maxHeals         at most this many heals of one VNFC within {@code healWindow}...
 * @param healWindow       ...after which the VNFC is left failed for a person: re-creating a VNF
 *                         that crashes on start forever only burns the host
 */
public record HealingPolicy(Duration heartbeatTimeout, int maxHeals, Duration healWindow) {
    public HealingPolicy {
        if (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
            throw new IllegalArgumentException("heartbeatTimeout must be positive");
        }
        if (maxHeals < 1) {
            throw new IllegalArgumentException("maxHeals must be at least 1");
        }
        if (healWindow.isNegative() || healWindow.isZero()) {
            throw new IllegalArgumentException("healWindow must be positive");
        }
    }

    public static HealingPolicy defaults() {
        return new HealingPolicy(Duration.ofSeconds(5), 3, Duration.ofMinutes(15));
    }
}
