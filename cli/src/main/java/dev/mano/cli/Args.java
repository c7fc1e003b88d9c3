package dev.mano.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Positional words and {@code --name value} / {@code --flag} options of one command line. */
record Args(List<String> words, Map<String, String> options) {
    private static final java.util.Set<String> FLAGS = java.util.Set.of("json", "wait", "help", "no-wait", "in");

    static Args parse(String[] argv) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("-h")) {
                options.put("help", "true");
            } else if (a.startsWith("--")) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (FLAGS.contains(name)) {
                    options.put(name, "true");
                } else if (i + 1 < argv.length) {
                    options.put(name, argv[++i]);
                } else {
                    throw new CliError("option --" + name + " needs a value");
                }
            } else {
                words.add(a);
            }
        }
        return new Args(words, options);
    }

    String word(int i, String what) {
        if (i >= words.size()) throw new CliError("missing " + what);
        return words.get(i);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
