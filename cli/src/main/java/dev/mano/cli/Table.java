package dev.mano.cli;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned text columns, sized to their widest cell. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    Table row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) text[i] = cells[i] == null ? "-" : String.valueOf(cells[i]);
        rows.add(text);
        return this;
    }

    void print() {
        int columns = rows.getFirst().length;
        int[] width = new int[columns];
        for (String[] r : rows) for (int i = 0; i < columns; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? r[i] : String.format("%-" + (width[i] + 2) + "s", r[i]));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }
}
