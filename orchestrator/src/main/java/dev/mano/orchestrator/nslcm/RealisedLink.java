package dev.mano.orchestrator.nslcm;

import java.util.Map;

/**
 * How a chain link was made concrete.
 *
 * @param pathKind VHOST_USER (neighbours on one host: a shared-memory hop), SRIOV_VLAN (different
 *                 hosts: through VFs on the provider network, tagged), TAP_BRIDGE (simulated hosts)
 */
public record RealisedLink(int position, String name, String from, String to, String pathKind, Map<String, Object> details) {}
