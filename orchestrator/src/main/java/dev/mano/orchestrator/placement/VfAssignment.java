package dev.mano.orchestrator.placement;

/** One VF given to a VNFC: what the domain XML's {@code <interface type='hostdev'>} needs. */
public record VfAssignment(String pciAddress, String physicalNetwork, String pfPciAddress, int cell) {}
