package dev.mano.vim.inventory;

import java.util.List;

/**
 * An SR-IOV capable NIC port.
 *
 * @param pciAddress       domain:bus:slot.function, e.g. "0000:3b:00.0"
 * @param netdev           kernel interface name, or null when the PF has no net device (bound to vfio)
 * @param numaNode         NUMA cell the device is attached to, -1 when the host does not say
 * @param virtualFunctions VFs ordered by index
 */
public record PhysicalFunction(String pciAddress, String netdev, int numaNode, List<VirtualFunction> virtualFunctions) {
    public PhysicalFunction {
        virtualFunctions = List.copyOf(virtualFunctions);
    }
}
