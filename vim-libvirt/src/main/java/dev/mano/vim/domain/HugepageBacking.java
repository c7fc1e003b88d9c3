package dev.mano.vim.domain;

import java.util.List;

/**
 * Guest memory from hugepages of one size.
 *
 * @param guestNodes guest NUMA cells this page size applies to; empty means all (libvirt's page {@code nodeset}
 *                   names guest cells, not host cells: host cells are set by numatune)
 * @param locked     lock all guest memory ({@code <locked/>}): QEMU's own memory too, not only the hugepages, so
 *                   nothing of the guest is ever swapped; needs a raisable RLIMIT_MEMLOCK (CAP_SYS_RESOURCE) for libvirtd
 */
public record HugepageBacking(long pageSizeKib, List<Integer> guestNodes, boolean locked) {
    public HugepageBacking {
        if (pageSizeKib <= 4) {
            throw new IllegalArgumentException("not a hugepage size: " + pageSizeKib + " KiB");
        }
        guestNodes = List.copyOf(guestNodes);
    }

    /** Locked hugepage backing, what a PMD guest wants. */
    public HugepageBacking(long pageSizeKib, List<Integer> guestNodes) {
        this(pageSizeKib, guestNodes, true);
    }
}
