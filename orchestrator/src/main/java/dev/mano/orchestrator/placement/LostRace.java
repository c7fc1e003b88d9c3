package dev.mano.orchestrator.placement;

/** Another transaction took a resource this plan counted on; the plan is void and may be redone. */
final class LostRace extends RuntimeException {
    LostRace(String message) {
        super(message, null, false, false);
    }
}
