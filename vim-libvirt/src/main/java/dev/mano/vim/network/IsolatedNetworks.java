package dev.mano.vim.network;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.VimException;
import dev.mano.vim.Xml;
import org.libvirt.Connect;
import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.Network;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.Optional;

/**
 * Layer-2 segments on one host: libvirt networks with a bridge and nothing else (no address, no DHCP, no NAT),
 * the tap/bridge way to wire two guests on a host, or a guest to a service access point where an operator plugs
 * a NIC or a veth. Going through libvirt rather than ip(8) means the same call works on a remote host, and
 * libvirt's test driver keeps them too. Create and remove are idempotent: an operation that crashed halfway
 * is finished or undone by calling them again.
 */
public final class IsolatedNetworks {
    /** Linux's IFNAMSIZ minus the terminating NUL. */
    public static final int MAX_BRIDGE_NAME = 15;
    private final Connect connect;
    private final String uri;

    public IsolatedNetworks(Connect connect) {
        this.connect = connect;
        this.uri = LibvirtConnection.uriOf(connect);
    }

    /** Defines and starts the network unless it is already there; starts it if it exists but is down. */
    public void ensure(String name, String bridge) throws VimException {
        if (bridge.isEmpty() || bridge.length() > MAX_BRIDGE_NAME || !bridge.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("bridge name '" + bridge + "' must be 1-" + MAX_BRIDGE_NAME
                    + " of [A-Za-z0-9_-] (a Linux interface name)");
        }
        try {
            Network network = lookup(name).orElse(null);
            if (network == null) {
                network = connect.networkDefineXML(xml(name, bridge));
            }
            try {
                if (network.isActive() == 0) {
                    network.create();
                }
            } finally {
                network.free();
            }
        } catch (LibvirtException e) {
            throw new VimException("cannot create network " + name + " (bridge " + bridge + ") on " + uri + ": "
                    + LibvirtConnection.reason(e), e);
        }
    }

    /** Stops and undefines the network; nothing to do when it is gone already. */
    public void remove(String name) throws VimException {
        try {
            Optional<Network> found = lookup(name);
            if (found.isEmpty()) {
                return;
            }
            Network network = found.get();
            try {
                if (network.isActive() != 0) {
                    network.destroy();
                }
                network.undefine();
            } finally {
                network.free();
            }
        } catch (LibvirtException e) {
            throw new VimException("cannot remove network " + name + " on " + uri + ": " + LibvirtConnection.reason(e), e);
        }
    }

    /** Whether the network is defined and running. */
    public boolean active(String name) throws VimException {
        try {
            Optional<Network> found = lookup(name);
            if (found.isEmpty()) {
                return false;
            }
            try {
                return found.get().isActive() != 0;
            } finally {
                found.get().free();
            }
        } catch (LibvirtException e) {
            throw new VimException("cannot read network " + name + " on " + uri + ": " + LibvirtConnection.reason(e), e);
        }
    }

    private Optional<Network> lookup(String name) throws LibvirtException {
        try {
            return Optional.of(connect.networkLookupByName(name));
        } catch (LibvirtException e) {
            if (e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_NETWORK) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** No {@code <forward>} and no {@code <ip>}: libvirt then adds neither routes, firewall rules nor dnsmasq. */
    static String xml(String name, String bridge) {
        Document doc = Xml.newDocument();
        Element network = doc.createElement("network");
        doc.appendChild(network);
        Xml.add(network, "name", name);
        Element br = Xml.add(network, "bridge");
        br.setAttribute("name", bridge);
        br.setAttribute("stp", "off");
        br.setAttribute("delay", "0");
        return Xml.write(doc);
    }
}
