/**
 * The VNFM: VNF lifecycle, the client of the agent inside each VNF, monitoring, and the
 * scaling and healing policies. A library the orchestrator runs (it scans {@code dev.mano}).
 */
package dev.mano.vnfm;
