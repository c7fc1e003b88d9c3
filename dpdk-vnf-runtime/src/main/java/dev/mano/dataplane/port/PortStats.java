package dev.mano.dataplane.port;

/** rte_eth_stats of one port: what the device (PMD) counted, including what the engine never saw. */
public record PortStats(long rxPackets, long txPackets, long rxBytes, long txBytes, long rxMissed,
                        long rxErrors, long txErrors, long rxNoMbuf) {
}
