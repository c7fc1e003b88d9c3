package dev.mano.orchestrator.catalog.vnfd;

import java.util.List;
import java.util.Optional;

/**
 * The deployment flavour of the descriptor (flavour_id of the VNF node) with what SOL001 puts
 * in its policies: instantiation levels, scaling aspects, and our autoscaling policies.
 */
public record DeploymentFlavour(
        String id,
        String description,
        List<InstantiationLevel> instantiationLevels,
        String defaultInstantiationLevel,
        List<ScalingAspect> scalingAspects,
        List<AutoscalingPolicy> autoscalingPolicies) {

    public DeploymentFlavour {
        instantiationLevels = List.copyOf(instantiationLevels);
        scalingAspects = List.copyOf(scalingAspects);
        autoscalingPolicies = List.copyOf(autoscalingPolicies);
    }

    public Optional<InstantiationLevel> instantiationLevel(String id) {
        return instantiationLevels.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<ScalingAspect> scalingAspect(String id) {
        return scalingAspects.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
