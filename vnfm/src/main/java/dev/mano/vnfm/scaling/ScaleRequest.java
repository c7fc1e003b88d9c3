package dev.mano.vnfm.scaling;

/**
 * Published (as a Spring application event) when the policy decides a VNF must change
 * size; the lifecycle turns it into a SCALE op occurrence and calls
 * {@link ScalingWatch#scaled} when that completes.
 */
public record ScaleRequest(String vnfInstanceId, ScalingDecision decision) {
}
