package dev.mano.orchestrator.chainswitch;

/** The chain switch did not come up with a segment; the message says what its process reported. */
public class SwitchFailure extends RuntimeException {
    public SwitchFailure(String message) {
        super(message);
    }
}
