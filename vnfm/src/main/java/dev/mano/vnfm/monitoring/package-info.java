/**
 * Monitoring: turns agent heartbeats into per-VNFC samples (rates and ratios per interval),
 * keeps them in memory with bounded retention, and exposes them as SOL002 VNF indicators,
 * Micrometer gauges and a server-sent event stream for the UI.
 */
package dev.mano.vnfm.monitoring;
