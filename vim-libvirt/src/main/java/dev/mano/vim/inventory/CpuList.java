package dev.mano.vim.inventory;

import java.util.List;
import java.util.TreeSet;

/** libvirt/kernel CPU list syntax: "0-3,8,10-11" (and "^n" exclusions, which capabilities never use for siblings). */
public final class CpuList {
    private CpuList() {
    }

    public static List<Integer> parse(String text) {
        TreeSet<Integer> cpus = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            boolean exclude = p.startsWith("^");
            if (exclude) {
                p = p.substring(1);
            }
            int dash = p.indexOf('-');
            int from = Integer.parseInt(p.substring(0, dash < 0 ? p.length() : dash).trim());
            int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
            for (int c = from; c <= to; c++) {
                if (exclude) {
                    cpus.remove(c);
                } else {
                    cpus.add(c);
                }
            }
        }
        return List.copyOf(cpus);
    }

    /** The shortest form, ranges collapsed: [0,1,2,5] becomes "0-2,5". */
    public static String format(List<Integer> cpus) {
        List<Integer> sorted = List.copyOf(new TreeSet<>(cpus));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(sorted.get(i));
            if (j > i) {
                out.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }
}
