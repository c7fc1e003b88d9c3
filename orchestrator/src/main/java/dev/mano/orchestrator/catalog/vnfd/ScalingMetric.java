package dev.mano.orchestrator.catalog.vnfd;

/**
 * What an autoscaling policy watches. Not CPU%: a poll-mode core is always 100% busy.
 * Both are fractions in [0, 1] averaged over the policy window.
 */
public enum ScalingMetric {
    /** Share of PMD loop iterations that received packets (useful cycles / all cycles). */
    BUSY_RATIO("busy_ratio"),
    /** Share of offered packets dropped (rx missed + ring full + tx failed). */
    DROP_RATE("drop_rate");

    private final String yamlName;

    ScalingMetric(String yamlName) { this.yamlName = yamlName; }

    public String yamlName() { return yamlName; }
}
