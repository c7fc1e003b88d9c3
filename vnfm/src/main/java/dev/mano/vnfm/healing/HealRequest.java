package dev.mano.vnfm.healing;

/**
 * Published (as a Spring application event) when a VNFC must be healed or has been given
 * up on; the lifecycle records a HEAL op occurrence for it.
 */
public record HealRequest(HealingDecision decision) {
}
