package dev.mano.vnfm.healing;

import dev.mano.vim.events.DomainLifecycleEvent;

import java.util.Optional;
import java.util.Set;

/**
 * Which libvirt lifecycle events mean a watched VNFC's VM failed. The lifecycle stops
 * watching a VNFC before it stops, migrates or removes it on purpose, so for a watched VNFC
 * any stop is unplanned — except the kinds libvirt emits for planned moves (migration,
 * save, snapshot restore).
 */
public final class DomainFailure {

    private static final Set<String> PLANNED_STOPS = Set.of("MIGRATED", "SAVED", "FROM_SNAPSHOT");
    private static final Set<String> FAILED_SUSPENDS = Set.of("IOERROR", "WATCHDOG", "API_ERROR", "POSTCOPY_FAILED");

    private DomainFailure() {
    }

    /** The failure as a person reads it, or empty when the event is not a failure. */
    public static Optional<String> of(DomainLifecycleEvent e) {
        String where = "domain " + e.domainName() + " on " + e.hostUri();
        return switch (e.kind()) {
            case CRASHED -> Optional.of(where + " crashed (" + e.detail() + ")");
            case STOPPED -> PLANNED_STOPS.contains(e.detail())
                    ? Optional.empty()
                    : Optional.of(where + " stopped (" + e.detail() + ")");
            case UNDEFINED -> Optional.of(where + " was undefined outside the orchestrator");
            case SUSPENDED -> FAILED_SUSPENDS.contains(e.detail())
                    ? Optional.of(where + " was suspended (" + e.detail() + ")")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }
}
