package dev.mano.orchestrator.catalog.vnfd;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TOSCA scalar-unit.size and scalar-unit.time ("2 GiB", "512 MB", "30 s"), per TOSCA 1.3 §3.3.6. */
final class ScalarUnits {
    private ScalarUnits() {}

    private static final Pattern SCALAR = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]+)\\s*");
    private static final Map<String, Long> SIZE = Map.ofEntries(
            Map.entry("b", 1L), Map.entry("kb", 1_000L), Map.entry("kib", 1L << 10),
            Map.entry("mb", 1_000_000L), Map.entry("mib", 1L << 20),
            Map.entry("gb", 1_000_000_000L), Map.entry("gib", 1L << 30),
            Map.entry("tb", 1_000_000_000_000L), Map.entry("tib", 1L << 40));
    private static final Map<String, Double> SECONDS = Map.of(
            "d", 86_400.0, "h", 3_600.0, "m", 60.0, "s", 1.0, "ms", 1e-3, "us", 1e-6, "ns", 1e-9);

    static long bytes(YamlNode node) {
        String expected = "a size such as '2 GiB' (units B, kB, KiB, MB, MiB, GB, GiB, TB, TiB)";
        Matcher m = SCALAR.matcher(node.asString(expected));
        Long unit = m.matches() ? SIZE.get(m.group(2).toLowerCase()) : null;
        if (unit == null) {
            throw node.violation(expected, "not a TOSCA scalar-unit.size: " + YamlNode.describe(node.value()));
        }
        double value = Double.parseDouble(m.group(1)) * unit;
        if (value <= 0 || value > (double) Long.MAX_VALUE) {
            throw node.violation(expected, "size out of range: " + node.value());
        }
        return (long) value;
    }

    static Duration duration(YamlNode node) {
        String expected = "a time such as '30 s' (units d, h, m, s, ms, us, ns)";
        Matcher m = SCALAR.matcher(node.asString(expected));
        Double unit = m.matches() ? SECONDS.get(m.group(2).toLowerCase()) : null;
        if (unit == null) {
            throw node.violation(expected, "not a TOSCA scalar-unit.time: " + YamlNode.describe(node.value()));
        }
        double seconds = Double.parseDouble(m.group(1)) * unit;
        if (seconds <= 0 || seconds > 365 * 86_400.0) {
            throw node.violation(expected, "time out of range: " + node.value());
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
