package dev.mano.dataplane.agent;

/**
 * Cumulative TSC cycles one worker spent in poll iterations that found packets
 * ({@code busyCycles}) and in all iterations ({@code totalCycles}). A poll-mode core
 * is always 100% busy to the OS; this split is what says how close it is to saturation.
 */
public record LcoreCycles(int lcore, long busyCycles, long totalCycles) {
}
