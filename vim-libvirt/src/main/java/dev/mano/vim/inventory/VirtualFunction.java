package dev.mano.vim.inventory;

/**
 * An SR-IOV virtual function.
 *
 * @param pciAddress domain:bus:slot.function
 * @param numaNode   NUMA cell (that of its PF when the VF itself does not say), -1 when unknown
 * @param vfIndex    position in the PF's virt_functions list, 0-based
 */
public record VirtualFunction(String pciAddress, int numaNode, int vfIndex) {
}
