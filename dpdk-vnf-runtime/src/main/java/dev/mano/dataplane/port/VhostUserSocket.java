package dev.mano.dataplane.port;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The socket of a vhost-user port in server mode (net_vhost without client=1): DPDK binds it when the port
 * is configured and unlinks it when the port is closed. A process killed before closing its ports (SIGKILL,
 * a crash) leaves the file behind, and the next start fails ("failed to bind: Address already in use"), so
 * a chain switch restarted after a crash could not serve its VMs again. {@link #removeIfStale} deletes such
 * a file when no process accepts connections on it; a socket some live process serves is left alone (DPDK's
 * bind then fails and says so).
 */
public final class VhostUserSocket {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private VhostUserSocket() {
    }

    /** Whether these devargs make a port of DPDK's vhost PMD (server or client). */
    public static boolean isVhost(String devargs) {
        return devargs != null && devargs.startsWith("net_vhost");
    }

    /** The socket path of a net_vhost server port, from its devargs (iface=...); empty for other ports and clients. */
    public static Optional<Path> serverPath(String devargs) {
        if (!isVhost(devargs)) {
            return Optional.empty();
        }
        String path = null;
        boolean client = false;
        for (String arg : devargs.split(",")) {
            if (arg.startsWith("iface=")) {
                path = arg.substring("iface=".length());
            } else if (arg.equals("client=1")) {
                client = true;
            }
        }
        return path == null || client ? Optional.empty() : Optional.of(Path.of(path));
    }

    /** Deletes {@code socket} if it is a socket and nothing listens on it; returns whether it did. */
    public static boolean removeIfStale(Path socket) {
        if (!isSocket(socket)) {
            // absent, or some other file: never delete what is not a socket (connect would be refused too)
            return false;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return false;
        } catch (ConnectException refused) {
            try {
                return Files.deleteIfExists(socket);
            } catch (IOException e) {
                return false;
            }
        } catch (IOException | RuntimeException e) {
            // not a socket, or not ours to judge: leave it to DPDK's bind, whose message names the path
            return false;
        }
    }

    private static boolean isSocket(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & S_IFMT) == S_IFSOCK;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
