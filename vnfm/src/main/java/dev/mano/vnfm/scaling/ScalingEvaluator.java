package dev.mano.vnfm.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Decides scale out / in / hold for one VNF from its recent load samples. Pure: the
 * caller passes the samples, the current size, the last scaling time and "now".
 *
 * <p>"Stays above for a window" is only claimed when the samples cover the window with no
 * hole: a gap larger than {@code maxGap} (lost heartbeats, an agent reconnecting) means we
 * do not know what happened then, and not knowing is never a reason to scale. Heartbeats
 * come every second; the default gap of 3 s tolerates two lost ones.
 */
public final class ScalingEvaluator {

    public static final Duration DEFAULT_MAX_GAP = Duration.ofSeconds(3);

    private final Duration maxGap;

    public ScalingEvaluator() {
        this(DEFAULT_MAX_GAP);
    }

    public ScalingEvaluator(Duration maxGap) {
        this.maxGap = maxGap;
    }

    /**
     * @param samples     the VNF's samples in time order (older than the longest window may be included)
     * @param instances   the VNF's current number of VNFCs
     * @param lastScaling when the last scaling operation finished, or null if never
     */
    public ScalingDecision evaluate(ScalingPolicy policy, List<LoadSample> samples, int instances,
                                    Instant lastScaling, Instant now) {
        if (lastScaling != null && now.isBefore(lastScaling.plus(policy.cooldown()))) {
            return new ScalingDecision.Hold("cooling down until " + lastScaling.plus(policy.cooldown()));
        }
        if (instances < policy.minInstances()) {
            return new ScalingDecision.ScaleOut(instances, policy.minInstances(),
                    "below minInstances " + policy.minInstances());
        }
        if (instances > policy.maxInstances()) {
            return new ScalingDecision.ScaleIn(instances, policy.maxInstances(),
                    "above maxInstances " + policy.maxInstances());
        }
        Predicate<LoadSample> hot = s -> s.busyRatio() > policy.scaleOutBusyRatio()
                || s.dropRate() > policy.scaleOutDropRate();
        if (holdsThroughout(samples, policy.scaleOutWindow(), now, hot)) {
            String why = String.format(Locale.ROOT, "busy ratio > %.2f or drop rate > %.4f for %ss",
                    policy.scaleOutBusyRatio(), policy.scaleOutDropRate(), policy.scaleOutWindow().toSeconds());
            if (instances >= policy.maxInstances()) {
                return new ScalingDecision.Hold("overloaded (" + why + ") but already at maxInstances "
                        + policy.maxInstances());
            }
            return new ScalingDecision.ScaleOut(instances, Math.min(policy.maxInstances(), instances + policy.step()),
                    why);
        }
        Predicate<LoadSample> cold = s -> s.busyRatio() < policy.scaleInBusyRatio()
                && s.dropRate() <= policy.scaleInDropRate();
        if (holdsThroughout(samples, policy.scaleInWindow(), now, cold)) {
            if (instances <= policy.minInstances()) {
                return new ScalingDecision.Hold("idle but already at minInstances " + policy.minInstances());
            }
            return new ScalingDecision.ScaleIn(instances, Math.max(policy.minInstances(), instances - policy.step()),
                    String.format(Locale.ROOT, "busy ratio < %.2f and drop rate <= %.4f for %ss",
                            policy.scaleInBusyRatio(), policy.scaleInDropRate(), policy.scaleInWindow().toSeconds()));
        }
        return new ScalingDecision.Hold("load within bounds");
    }

    /**
     * True when samples cover [now - window, now] without a hole larger than maxGap and every
     * sample in that span satisfies the condition.
     */
    boolean holdsThroughout(List<LoadSample> samples, Duration window, Instant now, Predicate<LoadSample> condition) {
        Instant start = now.minus(window);
        Instant previous = null;
        Instant first = null;
        for (LoadSample s : samples) {
            if (s.at().isBefore(start) || s.at().isAfter(now)) {
                continue;
            }
            if (!condition.test(s)) {
                return false;
            }
            if (first == null) {
                first = s.at();
            } else if (Duration.between(previous, s.at()).compareTo(maxGap) > 0) {
                return false;
            }
            previous = s.at();
        }
        return first != null
                && Duration.between(start, first).compareTo(maxGap) <= 0
                && Duration.between(previous, now).compareTo(maxGap) <= 0;
    }
}
