package dev.mano.vim.domain;

import java.util.List;

/**
 * Guest memory from hugepages of one size.
 *
 * @param guestNodes guest NUMA cells this page size applies to; empty means all (libvirt's page {@code nodeset}
 *                   names guest cells, not host cells: host cells are set by numatune)
 */
public record HugepageBacking(long pageSizeKib, List<Integer> guestNodes) {
    public HugepageBacking {
        if (pageSizeKib <= 4) {
            throw new IllegalArgumentException("not a hugepage size: " + pageSizeKib + " KiB");
        }
        guestNodes = List.copyOf(guestNodes);
    }
}
