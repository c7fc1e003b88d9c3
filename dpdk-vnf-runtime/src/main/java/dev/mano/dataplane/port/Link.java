package dev.mano.dataplane.port;

/** rte_eth_link: speed in Mbps, full duplex, autonegotiated, up. */
public record Link(int speedMbps, boolean fullDuplex, boolean autoneg, boolean up) {
}
