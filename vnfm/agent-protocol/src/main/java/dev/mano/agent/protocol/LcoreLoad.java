package dev.mano.agent.protocol;

/**
 * How loaded one data-plane lcore is. A poll-mode core is always 100% busy to the OS,
 * so load is the share of poll iterations since the last heartbeat that found packets
 * (busy cycles over all cycles), between 0 and 1.
 */
public record LcoreLoad(int lcore, double busyRatio) {
    public LcoreLoad {
        if (!(busyRatio >= 0.0 && busyRatio <= 1.0)) {
            throw new IllegalArgumentException("busyRatio must be within [0, 1]: " + busyRatio);
        }
    }
}
