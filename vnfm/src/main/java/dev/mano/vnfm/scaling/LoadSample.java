package dev.mano.vnfm.scaling;

import java.time.Instant;

/**
 * The load of a whole VNF at one instant, as the policy sees it.
 *
 * @param busyRatio share of poll cycles that found packets, of the VNF's busiest lcores
 *                  (0..1); not CPU% — a poll-mode core always shows 100% to the OS
 * @param dropRate  packets lost for lack of capacity (rx missed + errors) over packets
 *                  offered in the interval (0..1)
 */
public record LoadSample(Instant at, double busyRatio, double dropRate) {
}
