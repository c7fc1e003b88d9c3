package dev.mano.orchestrator.placement;

/**
 * How PMD vCPUs may share physical cores (the TOSCA/Nova cpu_thread_policy).
 * <ul>
 * <li>{@code ISOLATE}: each PMD gets a whole physical core; its hyperthread sibling is reserved, so no
 *     other workload steals the core's execution units or L1/L2.</li>
 * <li>{@code REQUIRE}: PMDs are placed on hyperthread siblings of whole cores (the host must have SMT).</li>
 * <li>{@code PREFER}: any free isolated threads; leftovers of partly used cores are taken first so
 *     whole cores stay available for {@code ISOLATE} requests.</li>
 * </ul>
 */
public enum ThreadPolicy {
    ISOLATE, REQUIRE, PREFER
}
