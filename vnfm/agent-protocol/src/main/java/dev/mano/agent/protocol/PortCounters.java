package dev.mano.agent.protocol;

import java.util.Objects;

/**
 * Cumulative counters of one port since the runtime started (as rte_eth_stats reports
 * them), so a lost heartbeat loses no packets from the totals: rates come from deltas.
 *
 * @param missed packets the NIC dropped because no rx descriptor was free (imissed):
 *               the data plane did not keep up
 * @param errors rx plus tx errors
 */
public record PortCounters(String port, long rxPackets, long txPackets, long missed, long errors) {
    public PortCounters {
        Objects.requireNonNull(port, "port");
    }
}
