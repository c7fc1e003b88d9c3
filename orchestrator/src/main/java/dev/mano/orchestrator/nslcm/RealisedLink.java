package dev.mano.orchestrator.nslcm;

import java.util.Map;

/**
 * How a segment of the chain was made concrete: a link between two members, or an access point at
 * either end (see LinkRealisation for the rules).
 *
 * @param pathKind TAP_BRIDGE (no VF end: an isolated libvirt network on the one host its ends share;
 *                 details: network, bridge, hosts, and requested=VHOST_USER with the fallback reason when
 *                 vhost-user ends could not be switched), VHOST_USER (two vhost-user NICs joined by the host's
 *                 chain switch; details: switchSegment, upstreamSocket, downstreamSocket), SRIOV_VLAN (every end an SR-IOV VF of one physical
 *                 network, tagged with one VLAN from the ledger, no bridge; details: physicalNetwork,
 *                 vlan, and per end its host and VF), SAP (the chain's ingress, position 0, or egress,
 *                 the last position; {@code details.path} says which of the two it is). Every kind
 *                 lists its {@code ends}: per VNFC the member, connection point, interface type and host.
 *                 Records made before VLANs came from the ledger may show SRIOV_VLAN with a bridge on each host.
 */
public record RealisedLink(int position, String name, String from, String to, String pathKind, Map<String, Object> details) {}
