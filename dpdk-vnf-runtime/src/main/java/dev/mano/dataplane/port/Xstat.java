package dev.mano.dataplane.port;

/** One extended statistic of a port (rte_eth_xstats_get): a driver-specific name and value. */
public record Xstat(String name, long value) {
}
