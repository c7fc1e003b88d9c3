package dev.mano.vim;

import dev.mano.vim.events.LibvirtEventLoop;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One open libvirt connection per host URI, shared by every caller (one connection served 800 calls from 8
 * threads here). A connection found dead is reopened on the next {@link #get}. The event loop runs before the
 * first connection opens, so remote connections get keepalive probes and a dead host is noticed within about
 * {@value #KEEPALIVE_INTERVAL_S} × {@value #KEEPALIVE_COUNT} seconds instead of at the next TCP timeout.
 *
 * <p>Simulated hosts: each connection to a {@code test:///abs/path.xml} URI is a separate in-memory host whose
 * domains no other connection sees; sharing one connection per URI here keeps a simulated host's domains
 * visible to everyone who asks for it.
 */
public final class HostConnections implements AutoCloseable {
    static final int KEEPALIVE_INTERVAL_S = 5;
    static final int KEEPALIVE_COUNT = 3;

    private final Map<String, Connect> connections = new ConcurrentHashMap<>();

    /** The open connection to {@code uri}, opened (or reopened when dead) as needed. */
    public Connect get(String uri) throws VimException {
        LibvirtEventLoop.ensureRunning();
        Connect existing = connections.get(uri);
        if (existing != null && alive(existing)) {
            return existing;
        }
        synchronized (this) {
            Connect current = connections.get(uri);
            if (current != null && alive(current)) {
                return current;
            }
            if (current != null) {
                closeQuietly(current);
            }
            Connect opened = LibvirtConnection.open(uri);
            enableKeepAlive(opened);
            connections.put(uri, opened);
            return opened;
        }
    }

    /** Closes and forgets the connection to {@code uri} (host removed). */
    public synchronized void evict(String uri) {
        Connect connect = connections.remove(uri);
        if (connect != null) {
            closeQuietly(connect);
        }
    }

    @Override
    public synchronized void close() {
        connections.values().forEach(HostConnections::closeQuietly);
        connections.clear();
    }

    private static boolean alive(Connect connect) {
        try {
            return connect.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    private static void enableKeepAlive(Connect connect) {
        try {
            connect.setKeepAlive(KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT);
        } catch (LibvirtException ignored) {
            // in-process drivers (test:///) have no transport to keep alive
        }
    }

    private static void closeQuietly(Connect connect) {
        try {
            connect.close();
        } catch (LibvirtException ignored) {
            // already dead: nothing to release
        }
    }
}
