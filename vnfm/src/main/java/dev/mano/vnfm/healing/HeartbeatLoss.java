package dev.mano.vnfm.healing;

import dev.mano.vnfm.VnfcRef;

import java.time.Duration;
import java.time.Instant;

/**
 * A VNFC fell silent.
 *
 * @param lastSeen   the last heartbeat, or when watching started if none ever came
 * @param everHeard  false when the VNFC never sent a heartbeat at all (boot or agent failure)
 * @param silentFor  how long it has been silent when detected
 */
public record HeartbeatLoss(VnfcRef vnfc, Instant lastSeen, boolean everHeard, Duration silentFor) {

    public String reason() {
        return everHeard
                ? "no heartbeat for " + silentFor.toSeconds() + " s (last at " + lastSeen + ")"
                : "no heartbeat ever received in " + silentFor.toSeconds() + " s since " + lastSeen;
    }
}
