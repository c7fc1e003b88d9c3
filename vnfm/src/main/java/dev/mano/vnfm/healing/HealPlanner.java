package dev.mano.vnfm.healing;

import dev.mano.vnfm.VnfcRef;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns failures (lost heartbeats, libvirt crash events) into heal decisions, with a
 * crash-loop limit per VNFC. Pure apart from its memory of past heals; thread-safe.
 */
public final class HealPlanner {

    private final HealingPolicy policy;
    private final Map<VnfcRef, Deque<Instant>> heals = new HashMap<>();

    public HealPlanner(HealingPolicy policy) {
        this.policy = policy;
    }

    /** Decides about a failure of {@code vnfc} at {@code now}; a Heal is counted against the limit. */
    public synchronized HealingDecision onFailure(VnfcRef vnfc, String failure, Instant now) {
        Deque<Instant> recent = heals.computeIfAbsent(vnfc, k -> new ArrayDeque<>());
        Instant windowStart = now.minus(policy.healWindow());
        while (!recent.isEmpty() && recent.peekFirst().isBefore(windowStart)) {
            recent.removeFirst();
        }
        if (recent.size() >= policy.maxHeals()) {
            return new HealingDecision.GiveUp(vnfc, failure + "; already healed " + recent.size() + " times in the last "
                    + policy.healWindow().toMinutes() + " min, leaving it failed");
        }
        recent.addLast(now);
        return new HealingDecision.Heal(vnfc, failure);
    }

    /** The VNFC is gone (terminated, scaled in): forget its history. */
    public synchronized void forget(VnfcRef vnfc) {
        heals.remove(vnfc);
    }
}
