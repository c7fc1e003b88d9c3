package dev.mano.vim.inventory;

import java.util.List;

/**
 * One NUMA cell of a host.
 *
 * @param id        cell id as libvirt numbers it
 * @param memoryKib memory attached to the cell
 * @param cpus      the cell's logical CPUs, ordered by id
 * @param hugepages the cell's hugepage pools by size (2 MiB, 1 GiB, ...); the base page size is not a pool, it is in memoryKib
 */
public record NumaCell(int id, long memoryKib, List<Cpu> cpus, List<HugepagePool> hugepages) {
    public NumaCell {
        cpus = List.copyOf(cpus);
        hugepages = List.copyOf(hugepages);
    }
}
