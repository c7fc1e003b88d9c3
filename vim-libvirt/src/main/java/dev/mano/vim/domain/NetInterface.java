package dev.mano.vim.domain;

/** A guest network interface; {@code mac} may be null (libvirt then generates one). */
public sealed interface NetInterface {
    String mac();

    /** An SR-IOV VF passed through ({@code interface type='hostdev' managed='yes'}); VLAN tag set on the VF by the PF driver. */
    record SriovVf(String pciAddress, Integer vlan, String mac) implements NetInterface {
    }

    /**
     * A vhost-user port (chain link through a host-side vhost backend: DPDK's vhost PMD, OVS-DPDK); needs shared
     * hugepage memory. Two QEMUs cannot talk vhost-user to each other directly: one side must be a backend. In
     * CLIENT mode the backend's socket must exist when the domain starts (QEMU waits for it), and QEMU reconnects
     * if the backend restarts. In SERVER mode QEMU creates the socket, so its directory must be writable by the
     * QEMU user, and start waits until the backend connects.
     */
    record VhostUser(String socketPath, VhostUserMode mode, String mac) implements NetInterface {
    }

    /** A tap on a Linux bridge (test hosts, management). */
    record Bridge(String bridge, String mac) implements NetInterface {
    }

    /**
     * A tap on a libvirt network (test hosts, management, the chain's bridge segments). An {@code isolated} tap
     * ({@code <port isolated='yes'/>}, libvirt 6.1 or later: the bridge port's {@code isolated on}) exchanges
     * frames only with the bridge's non-isolated ports, never with another isolated one.
     */
    record Network(String network, String mac, boolean isolated) implements NetInterface {
        /** A tap that reaches every other port of its bridge. */
        public Network(String network, String mac) {
            this(network, mac, false);
        }
    }

    /** Who listens on a vhost-user socket: QEMU (server) or the peer (client). */
    enum VhostUserMode {
        SERVER, CLIENT;

        String xml() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
