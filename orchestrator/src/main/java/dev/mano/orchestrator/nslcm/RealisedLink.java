package dev.mano.orchestrator.nslcm;

import java.util.Map;

/**
 * How a segment of the chain was made concrete: a link between two members, or an access point at
 * either end. Details name the libvirt network and bridge and the hosts it exists on.
 *
 * @param pathKind TAP_BRIDGE (both ends on one host: a bridge there), SRIOV_VLAN (ends on different
 *                 hosts: a bridge on each, stitched by the recorded VLAN over the provider uplinks),
 *                 SAP (the chain's ingress, position 0, or egress, the last position), VHOST_USER
 *                 (a shared-memory hop through a host-side vhost switch; not realised yet)
 */
public record RealisedLink(int position, String name, String from, String to, String pathKind, Map<String, Object> details) {}
