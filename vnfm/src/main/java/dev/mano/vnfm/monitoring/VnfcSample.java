package dev.mano.vnfm.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * One VNFC's figures for the interval between two heartbeats.
 *
 * @param at            when the VNFM received the heartbeat that closed the interval
 * @param busyRatioMax  the busiest data-plane lcore's busy-cycle ratio (0..1): a VNF is as
 *                      saturated as its busiest core, since RSS pins flows to cores
 * @param busyRatioMean the mean over its data-plane lcores
 * @param offeredPps    packets per second arriving at its ports (received + missed)
 * @param droppedPps    packets per second lost for lack of capacity (missed + errors)
 * @param counters      the VNF's own cumulative counters as last reported
 */
public record VnfcSample(Instant at, long seq, double busyRatioMax, double busyRatioMean,
                         double rxPps, double txPps, double offeredPps, double droppedPps,
                         Map<String, Long> counters) {

    public VnfcSample {
        counters = Map.copyOf(counters);
    }

    /** Dropped over offered packets in the interval, 0 when nothing was offered. */
    public double dropRate() {
        return offeredPps <= 0 ? 0.0 : Math.min(1.0, droppedPps / offeredPps);
    }
}
