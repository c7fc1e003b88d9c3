package dev.mano.vim.domain;

import java.util.List;

/** A guest NUMA cell: its vCPUs and memory, bound strictly to host cell {@code hostCell}. */
public record GuestNumaCell(int id, List<Integer> vcpus, long memoryMib, int hostCell) {
    public GuestNumaCell {
        if (vcpus.isEmpty() || memoryMib <= 0) {
            throw new IllegalArgumentException("guest cell " + id + " needs vCPUs and memory");
        }
        vcpus = List.copyOf(vcpus);
    }
}
