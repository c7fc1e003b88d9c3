package dev.mano.orchestrator.placement;

/** One VF in the planner's working copy. */
final class VfSlot {
    final String pciAddress;
    final String pfPciAddress;
    final String physicalNetwork;
    boolean free;

    VfSlot(String pciAddress, String pfPciAddress, String physicalNetwork, boolean free) {
        this.pciAddress = pciAddress;
        this.pfPciAddress = pfPciAddress;
        this.physicalNetwork = physicalNetwork;
        this.free = free;
    }
}
