package dev.mano.orchestrator.vnflcm;

import java.util.Set;

/** SOL003 LcmOperationStateType, and which transitions a person may ask for in each state. */
public enum OperationState {
    STARTING, PROCESSING, COMPLETED, FAILED_TEMP, FAILED, ROLLING_BACK, ROLLED_BACK;

    /** States in which the operation still holds its VNF (no other operation may start). */
    public static final Set<OperationState> OPEN = Set.of(STARTING, PROCESSING, FAILED_TEMP, ROLLING_BACK);

    public boolean running() {
        return this == STARTING || this == PROCESSING || this == ROLLING_BACK;
    }
}
