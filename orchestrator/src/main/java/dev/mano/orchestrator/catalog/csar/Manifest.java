package dev.mano.orchestrator.catalog.csar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SOL004 manifest (.mf): a {@code metadata:} block of {@code key: value} lines, then blocks of
 * {@code Source:} / {@code Algorithm:} / {@code Hash:} lines, one per listed file. Signatures and
 * other blocks are ignored (no package signing yet).
 */
public record Manifest(String file, Map<String, String> metadata, List<Source> sources) {

    /** A listed file; algorithm and hash are both present or both absent. */
    public record Source(String path, Optional<String> algorithm, Optional<String> hash) {}

    public static Manifest parse(String file, String text) {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Source> sources = new ArrayList<>();
        boolean inMetadata = false;
        String source = null;
        String algorithm = null;
        String hash = null;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new CsarViolation("csar-invalid", file, "manifest line is not 'key: value': " + abbreviate(line));
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("metadata") && value.isEmpty()) {
                inMetadata = true;
                continue;
            }
            switch (key) {
                case "Source" -> {
                    if (source != null) sources.add(source(file, source, algorithm, hash));
                    source = value;
                    algorithm = null;
                    hash = null;
                    inMetadata = false;
                }
                case "Algorithm" -> algorithm = value;
                case "Hash" -> hash = value;
                default -> {
                    if (inMetadata) metadata.put(key, value);
                }
            }
        }
        if (source != null) sources.add(source(file, source, algorithm, hash));
        return new Manifest(file, metadata, sources);
    }

    private static Source source(String file, String path, String algorithm, String hash) {
        if ((algorithm == null) != (hash == null)) {
            throw new CsarViolation("csar-invalid", file, "Source " + path + " needs both Algorithm and Hash, or neither");
        }
        return new Source(path, Optional.ofNullable(algorithm), Optional.ofNullable(hash));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
