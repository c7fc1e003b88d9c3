package dev.mano.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr; plain lines when stderr is not a terminal (scripts, CI logs). */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out = System.err;
    private final boolean terminal = System.console() != null;
    private String lastLabel = "";

    void show(double fraction, String label) {
        double f = Math.max(0, Math.min(1, fraction));
        if (terminal) {
            int filled = (int) Math.round(f * WIDTH);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                    + String.format("%3d%%", Math.round(f * 100)) + " " + label + "\033[K");
            out.flush();
        } else if (!label.equals(lastLabel)) {
            out.println(String.format("%3d%% %s", Math.round(f * 100), label));
        }
        lastLabel = label;
    }

    void done() {
        if (terminal) out.println();
    }
}
