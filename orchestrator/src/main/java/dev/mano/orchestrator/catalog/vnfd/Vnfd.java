package dev.mano.orchestrator.catalog.vnfd;

import java.util.List;
import java.util.Optional;

/**
 * A parsed SOL001 VNF descriptor: the subset this platform deploys. One file describes one
 * deployment flavour (SOL001's multi-file, one-flavour-per-file layout is not supported yet).
 *
 * @param connectionPoints every VDU connection point; one without a virtual link faces outside
 *                         the VNF (an NS connects it)
 */
public record Vnfd(
        VnfIdentity identity,
        List<Vdu> vdus,
        List<ConnectionPoint> connectionPoints,
        List<VirtualLink> virtualLinks,
        DeploymentFlavour flavour,
        ConfigSchema configSchema) {

    public Vnfd {
        vdus = List.copyOf(vdus);
        connectionPoints = List.copyOf(connectionPoints);
        virtualLinks = List.copyOf(virtualLinks);
    }

    public String descriptorId() { return identity.descriptorId(); }

    public Optional<Vdu> vdu(String id) {
        return vdus.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public List<ConnectionPoint> connectionPointsOf(String vduId) {
        return connectionPoints.stream().filter(cp -> cp.vduId().equals(vduId)).toList();
    }
}
