package dev.mano.vnfm.scaling;

/** What the evaluator concluded, always with the reason a person reads in the op occurrence or log. */
public sealed interface ScalingDecision {

    String reason();

    record ScaleOut(int from, int to, String reason) implements ScalingDecision {
    }

    record ScaleIn(int from, int to, String reason) implements ScalingDecision {
    }

    record Hold(String reason) implements ScalingDecision {
    }
}
