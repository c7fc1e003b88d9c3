package dev.mano.dataplane.engine;

import dev.mano.dataplane.port.PortStats;

/** One port at one instant: its identity and the device's own counters. */
public record PortSnapshot(int id, String name, String driver, String mac, int queues, boolean linkUp, PortStats stats) {
}
