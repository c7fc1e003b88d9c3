package dev.mano.orchestrator.placement;

import java.util.List;

/** What the planner decided for one request. */
public sealed interface PlanOutcome {
    /** Everything fits; the snapshot now has these resources taken. */
    record Planned(PlacementPlan plan) implements PlanOutcome {}

    /**
     * Nothing fits for {@code vnfcName}.
     *
     * @param neverFits true when no registered host could hold it even if all its allocations were released
     * @param reasons   one line per host (or host cell) a person can act on
     */
    record Rejected(String vnfcName, boolean neverFits, List<String> reasons) implements PlanOutcome {
        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }
}
