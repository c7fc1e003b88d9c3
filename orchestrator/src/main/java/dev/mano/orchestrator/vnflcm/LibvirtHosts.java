package dev.mano.orchestrator.vnflcm;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.VimException;
import dev.mano.vim.lifecycle.DomainLifecycle;
import dev.mano.vim.network.IsolatedNetworks;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.springframework.stereotype.Component;

/**
 * One libvirt connection per host URI, opened on first use and shared by all operations (a
 * {@link Connect} serves concurrent calls). A connection that fails is dropped and reopened next time.
 */
@Component
public class LibvirtHosts {
    private final Map<String, Connect> connections = new ConcurrentHashMap<>();

    public DomainLifecycle lifecycle(String libvirtUri) throws VimException {
        return new DomainLifecycle(connection(libvirtUri));
    }

    public IsolatedNetworks networks(String libvirtUri) throws VimException {
        return new IsolatedNetworks(connection(libvirtUri));
    }

    private Connect connection(String libvirtUri) throws VimException {
        Connect connect = connections.get(libvirtUri);
        if (connect == null || !alive(connect)) {
            synchronized (this) {
                connect = connections.get(libvirtUri);
                if (connect == null || !alive(connect)) {
                    connect = LibvirtConnection.open(libvirtUri);
                    connections.put(libvirtUri, connect);
                }
            }
        }
        return connect;
    }

    private static boolean alive(Connect connect) {
        try {
            return connect.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    @PreDestroy
    void close() {
        connections.values().forEach(c -> {
            try {
                c.close();
            } catch (LibvirtException ignored) {
                // closing on shutdown: nothing left to do with it
            }
        });
        connections.clear();
    }
}
