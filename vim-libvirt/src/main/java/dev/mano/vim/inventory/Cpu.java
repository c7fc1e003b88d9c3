package dev.mano.vim.inventory;

import java.util.List;

/**
 * One logical CPU (hardware thread).
 *
 * @param siblings the logical CPUs sharing this one's physical core, including itself, sorted
 */
public record Cpu(int id, int socketId, int coreId, List<Integer> siblings) {
    public Cpu {
        siblings = List.copyOf(siblings);
    }
}
