package dev.mano.orchestrator.catalog.vnfd;

import java.util.List;
import java.util.Optional;

/**
 * A tosca.nodes.nfv.Vdu.Compute: one kind of VNFC (one VM each).
 *
 * @param minInstances from vdu_profile.min_number_of_instances
 * @param maxInstances from vdu_profile.max_number_of_instances; scaling never goes beyond it
 */
public record Vdu(
        String id,
        String name,
        String description,
        VirtualCompute compute,
        int minInstances,
        int maxInstances,
        Optional<SwImage> swImage,
        List<MonitoringParameter> monitoringParameters) {

    public Vdu {
        monitoringParameters = List.copyOf(monitoringParameters);
    }
}
