package dev.mano.vim.domain;

/** A guest network interface; {@code mac} may be null (libvirt then generates one). */
public sealed interface NetInterface {
    String mac();

    /** An SR-IOV VF passed through ({@code interface type='hostdev' managed='yes'}); VLAN tag set on the VF by the PF driver. */
    record SriovVf(String pciAddress, Integer vlan, String mac) implements NetInterface {
    }

    /** A vhost-user port (chain link to a neighbour VNF or a host switch); needs shared guest memory. */
    record VhostUser(String socketPath, VhostUserMode mode, String mac) implements NetInterface {
    }

    /** A tap on a Linux bridge (test hosts, management). */
    record Bridge(String bridge, String mac) implements NetInterface {
    }

    /** A tap on a libvirt network (test hosts, management). */
    record Network(String network, String mac) implements NetInterface {
    }

    /** Who listens on a vhost-user socket: QEMU (server) or the peer (client). */
    enum VhostUserMode {
        SERVER, CLIENT;

        String xml() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
