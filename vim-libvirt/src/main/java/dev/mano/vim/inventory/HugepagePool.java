package dev.mano.vim.inventory;

/**
 * Pages of one size on one NUMA cell.
 *
 * @param total pages reserved in the pool
 * @param free  pages not in use at the time of reading (equals total when the host cannot tell)
 */
public record HugepagePool(int cellId, long pageSizeKib, long total, long free) {
}
