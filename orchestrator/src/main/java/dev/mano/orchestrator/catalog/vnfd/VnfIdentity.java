package dev.mano.orchestrator.catalog.vnfd;

/** Who made the VNF and which release this is (properties of the tosca.nodes.nfv.VNF node). */
public record VnfIdentity(
        String descriptorId,
        String descriptorVersion,
        String provider,
        String productName,
        String softwareVersion) {}
