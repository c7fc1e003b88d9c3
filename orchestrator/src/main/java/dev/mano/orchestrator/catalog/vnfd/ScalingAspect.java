package dev.mano.orchestrator.catalog.vnfd;

import java.util.List;
import java.util.Map;

/**
 * A scaling aspect (tosca.policies.nfv.ScalingAspects) joined with its
 * tosca.policies.nfv.VduScalingAspectDeltas.
 *
 * @param stepDeltas the delta id applied at each step, in order (SOL001 step_deltas)
 * @param vduDeltas VDU id -> delta id -> VNFCs added by that delta
 */
public record ScalingAspect(
        String id,
        String name,
        String description,
        int maxScaleLevel,
        List<String> stepDeltas,
        Map<String, Map<String, Integer>> vduDeltas) {

    public ScalingAspect {
        stepDeltas = List.copyOf(stepDeltas);
        vduDeltas = Map.copyOf(vduDeltas);
    }

    /** VNFCs of {@code vduId} added when going from {@code level - 1} to {@code level} (1-based). */
    public int instancesAddedAtStep(String vduId, int level) {
        String delta = stepDeltas.get(Math.min(level, stepDeltas.size()) - 1);
        return vduDeltas.getOrDefault(vduId, Map.of()).getOrDefault(delta, 0);
    }
}
