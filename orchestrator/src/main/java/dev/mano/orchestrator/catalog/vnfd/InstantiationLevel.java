package dev.mano.orchestrator.catalog.vnfd;

import java.util.Map;

/**
 * An instantiation level (tosca.policies.nfv.InstantiationLevels + VduInstantiationLevels).
 *
 * @param vduInstances VNFCs per VDU at this level; a VDU not named gets its min_number_of_instances
 * @param aspectScaleLevels the scale level of each aspect at this level
 */
public record InstantiationLevel(
        String id,
        String description,
        Map<String, Integer> vduInstances,
        Map<String, Integer> aspectScaleLevels) {

    public InstantiationLevel {
        vduInstances = Map.copyOf(vduInstances);
        aspectScaleLevels = Map.copyOf(aspectScaleLevels);
    }
}
