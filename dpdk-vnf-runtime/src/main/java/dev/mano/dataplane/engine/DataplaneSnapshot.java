package dev.mano.dataplane.engine;

import java.util.List;

/**
 * Everything the VNFM agent reports about a running data plane, read in one call.
 *
 * @param uptimeNanos time since the workers were launched
 * @param running     false once a stop was requested
 */
public record DataplaneSnapshot(VnfIdentity vnf, long uptimeNanos, boolean running, int mainLcore,
                                List<LcoreSnapshot> lcores, List<PortSnapshot> ports) {
}
