package dev.mano.vnfm.healing;

import dev.mano.vnfm.VnfcRef;

/** What to do about a failed VNFC. */
public sealed interface HealingDecision {

    VnfcRef vnfc();

    String reason();

    record Heal(VnfcRef vnfc, String reason) implements HealingDecision {
    }

    /** The VNFC failed again too often: leave it failed for a person. */
    record GiveUp(VnfcRef vnfc, String reason) implements HealingDecision {
    }
}
