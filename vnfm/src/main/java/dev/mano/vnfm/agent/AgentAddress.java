package dev.mano.vnfm.agent;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/** Where the VNFM reaches a VNFC's agent. */
public sealed interface AgentAddress {

    SocketAddress socketAddress();

    /** A runtime started directly on a host, listening on loopback. */
    record Tcp(String host, int port) implements AgentAddress {
        @Override
        public SocketAddress socketAddress() {
            return new InetSocketAddress(host, port);
        }

        @Override
        public String toString() {
            return "tcp:" + host + ":" + port;
        }
    }

    /** The host end of a VM's virtio-serial agent channel: a unix socket libvirt/QEMU listens on. */
    record UnixSocket(Path path) implements AgentAddress {
        @Override
        public SocketAddress socketAddress() {
            return UnixDomainSocketAddress.of(path);
        }

        @Override
        public String toString() {
            return "unix:" + path;
        }
    }
}
