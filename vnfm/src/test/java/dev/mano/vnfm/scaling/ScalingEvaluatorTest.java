package dev.mano.vnfm.scaling;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScalingEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    /** Out above 80% busy or 1% drops for 30 s; in below 30% busy, no drops, for 120 s; 60 s cooldown. */
    private static final ScalingPolicy POLICY = new ScalingPolicy(0.8, 0.01, Duration.ofSeconds(30),
            0.3, 0.0, Duration.ofSeconds(120), Duration.ofSeconds(60), 1, 4, 1);

    private final ScalingEvaluator evaluator = new ScalingEvaluator();

    /** One sample per second from T0 for {@code seconds} seconds, all with the same load. */
    private static List<LoadSample> steady(int seconds, double busy, double drop) {
        List<LoadSample> out = new ArrayList<>();
        for (int i = 0; i <= seconds; i++) {
            out.add(new LoadSample(T0.plusSeconds(i), busy, drop));
        }
        return out;
    }

    private ScalingDecision at(int second, List<LoadSample> samples, int instances) {
        return evaluator.evaluate(POLICY, samples, instances, null, T0.plusSeconds(second));
    }

    @Test
    void scalesOutWhenBusyStaysAboveTheThresholdForTheWholeWindow() {
        List<LoadSample> samples = steady(40, 0.9, 0.0);
        // the overload began at T0: at 26 s the window reaches 4 s before any sample, more than the allowed gap
        assertEquals(new ScalingDecision.Hold("load within bounds"), at(26, samples, 2));
        ScalingDecision d = at(30, samples, 2);
        assertInstanceOf(ScalingDecision.ScaleOut.class, d);
        assertEquals(3, ((ScalingDecision.ScaleOut) d).to());
    }

    @Test
    void scalesOutOnDropsEvenWhenBusyRatioLooksFine() {
        // a VNF can drop at the NIC (rx ring too small, bursts) with lcores not saturated
        assertInstanceOf(ScalingDecision.ScaleOut.class, at(35, steady(35, 0.5, 0.02), 1));
    }

    @Test
    void oneCoolSampleInTheWindowPreventsScaleOut() {
        List<LoadSample> samples = steady(40, 0.9, 0.0);
        samples.set(25, new LoadSample(T0.plusSeconds(25), 0.79, 0.0));
        assertInstanceOf(ScalingDecision.Hold.class, at(40, samples, 2));
        assertInstanceOf(ScalingDecision.ScaleOut.class, at(56, steady(56, 0.9, 0.0), 2));
    }

    @Test
    void aHoleInTheSamplesIsNotEvidenceOfOverload() {
        List<LoadSample> samples = steady(40, 0.95, 0.0);
        samples.removeIf(s -> s.at().isAfter(T0.plusSeconds(20)) && s.at().isBefore(T0.plusSeconds(25)));
        assertEquals(new ScalingDecision.Hold("load within bounds"), at(40, samples, 2));
        // and stale samples: the newest is older than the allowed gap
        assertEquals(new ScalingDecision.Hold("load within bounds"), at(45, steady(40, 0.95, 0.0), 2));
    }

    @Test
    void doesNotScaleOutPastMaxInstances() {
        ScalingDecision d = at(30, steady(30, 0.99, 0.0), 4);
        assertInstanceOf(ScalingDecision.Hold.class, d);
        assertTrue(d.reason().contains("maxInstances 4"), d.reason());
    }

    @Test
    void scalesInOnlyAfterTheLongerIdleWindow() {
        List<LoadSample> samples = steady(130, 0.1, 0.0);
        assertEquals(new ScalingDecision.Hold("load within bounds"), at(100, samples, 3));
        assertEquals(new ScalingDecision.ScaleIn(3, 2, "busy ratio < 0.30 and drop rate <= 0.0000 for 120s"),
                at(120, samples, 3));
    }

    @Test
    void anyDropBlocksScaleIn() {
        assertEquals(new ScalingDecision.Hold("load within bounds"), at(125, steady(125, 0.1, 0.0001), 3));
    }

    @Test
    void doesNotScaleInBelowMinInstances() {
        ScalingDecision d = at(125, steady(125, 0.0, 0.0), 1);
        assertEquals(new ScalingDecision.Hold("idle but already at minInstances 1"), d);
    }

    @Test
    void holdsDuringCooldownEvenWhenOverloaded() {
        List<LoadSample> samples = steady(100, 0.95, 0.0);
        Instant lastScaling = T0.plusSeconds(50);
        ScalingDecision during = evaluator.evaluate(POLICY, samples, 2, lastScaling, T0.plusSeconds(100));
        assertEquals(new ScalingDecision.Hold("cooling down until 2026-11-26T12:01:50Z"), during);
        ScalingDecision after = evaluator.evaluate(POLICY, steady(110, 0.95, 0.0), 2, lastScaling, T0.plusSeconds(110));
        assertInstanceOf(ScalingDecision.ScaleOut.class, after);
    }

    @Test
    void bringsTheSizeBackWithinMinAndMax() {
        assertEquals(new ScalingDecision.ScaleOut(0, 1, "below minInstances 1"), at(0, List.of(), 0));
        assertEquals(new ScalingDecision.ScaleIn(6, 4, "above maxInstances 4"), at(0, List.of(), 6));
    }

    @Test
    void aSingleMetricPolicyIgnoresTheOtherMetricForScaleOut() {
        ScalingPolicy busyOnly = ScalingPolicy.onMetric(ScalingPolicy.Metric.BUSY_RATIO, 0.8, 0.3,
                Duration.ofSeconds(30), Duration.ofSeconds(60), 1, 4);
        assertEquals(Duration.ofSeconds(120), busyOnly.scaleInWindow());
        assertInstanceOf(ScalingDecision.Hold.class, evaluator.evaluate(busyOnly, steady(40, 0.5, 0.9), 2, null,
                T0.plusSeconds(40)));
        assertInstanceOf(ScalingDecision.ScaleOut.class, evaluator.evaluate(busyOnly, steady(40, 0.85, 0.0), 2, null,
                T0.plusSeconds(40)));
        ScalingPolicy dropOnly = ScalingPolicy.onMetric(ScalingPolicy.Metric.DROP_RATE, 0.01, 0.0,
                Duration.ofSeconds(30), Duration.ofSeconds(60), 1, 4);
        // a saturated core that drops nothing is doing its job: no scale out on a drop-rate policy
        assertInstanceOf(ScalingDecision.Hold.class, evaluator.evaluate(dropOnly, steady(40, 1.0, 0.0), 2, null,
                T0.plusSeconds(40)));
        assertInstanceOf(ScalingDecision.ScaleOut.class, evaluator.evaluate(dropOnly, steady(40, 0.6, 0.05), 2, null,
                T0.plusSeconds(40)));
        assertInstanceOf(ScalingDecision.ScaleIn.class, evaluator.evaluate(dropOnly, steady(130, 0.6, 0.0), 2, null,
                T0.plusSeconds(130)));
    }

    @Test
    void theThresholdItselfIsNotAbove() {
        assertEquals(new ScalingDecision.Hold("load within bounds"), at(40, steady(40, 0.8, 0.01), 2));
    }

    @Test
    void noSamplesMeansHold() {
        assertEquals(new ScalingDecision.Hold("load within bounds"), at(500, List.of(), 2));
    }

    @Test
    void rejectsPoliciesThatWouldFlap() {
        assertThrows(IllegalArgumentException.class, () -> new ScalingPolicy(0.5, 0.01, Duration.ofSeconds(30),
                0.6, 0.0, Duration.ofSeconds(120), Duration.ZERO, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScalingPolicy(0.8, 0.01, Duration.ofSeconds(30),
                0.3, 0.0, Duration.ofSeconds(10), Duration.ZERO, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScalingPolicy(0.8, 0.01, Duration.ofSeconds(30),
                0.3, 0.0, Duration.ofSeconds(60), Duration.ZERO, 3, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new ScalingPolicy(1.2, 0.01, Duration.ofSeconds(30),
                0.3, 0.0, Duration.ofSeconds(60), Duration.ZERO, 1, 2, 1));
    }
}
