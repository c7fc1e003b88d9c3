package dev.mano.dataplane.vnf.upf;

/** What one session carried: packets and inner-packet bytes each way. */
public record SessionUsage(long seid, long uplinkPackets, long uplinkBytes, long downlinkPackets, long downlinkBytes) {
}
