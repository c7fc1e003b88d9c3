package dev.mano.vim.events;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.VimException;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.LifecycleListener;

/**
 * Domain lifecycle events of one host delivered to a listener, over a connection of its own (opened after the
 * event loop started, as libvirt requires). Close it to stop the events and the connection.
 */
public final class DomainEventSubscription implements AutoCloseable {
    private final Connect connect;
    private final LifecycleListener lifecycle;

    private DomainEventSubscription(Connect connect, LifecycleListener lifecycle) {
        this.connect = connect;
        this.lifecycle = lifecycle;
    }

    public static DomainEventSubscription open(String libvirtUri, DomainEventListener listener) throws VimException {
        LibvirtEventLoop.ensureRunning();
        Connect connect = LibvirtConnection.open(libvirtUri);
        LifecycleListener lifecycle = (Domain domain, DomainEvent event) -> {
            listener.onEvent(toEvent(libvirtUri, domain, event));
            return 0;
        };
        try {
            connect.addLifecycleListener(lifecycle);
            connect.registerCloseListener((closed, reason) -> listener.onConnectionClosed(libvirtUri, String.valueOf(reason)));
            enableKeepAlive(connect);
        } catch (LibvirtException e) {
            closeQuietly(connect);
            throw new VimException("cannot subscribe to domain events of " + libvirtUri + ": " + LibvirtConnection.reason(e), e);
        }
        return new DomainEventSubscription(connect, lifecycle);
    }

    /** A host that stops answering is reported through onConnectionClosed after about 15 s. */
    private static void enableKeepAlive(Connect connect) {
        try {
            connect.setKeepAlive(5, 3);
        } catch (LibvirtException ignored) {
            // in-process drivers (test:///) have no transport to keep alive
        }
    }

    private static DomainLifecycleEvent toEvent(String uri, Domain domain, DomainEvent event) {
        String name;
        String uuid;
        try {
            name = domain.getName();
            uuid = domain.getUUIDString();
        } catch (LibvirtException e) {
            name = "?";
            uuid = "?";
        }
        Object detail = event.getDetail();
        return new DomainLifecycleEvent(uri, name, uuid, DomainEventKind.of(event.getType()),
                detail == null ? "UNKNOWN" : detail.toString());
    }

    @Override
    public void close() {
        try {
            connect.unregisterCloseListener();
        } catch (LibvirtException ignored) {
            // the connection is closing anyway
        }
        try {
            connect.removeLifecycleListener(lifecycle);
        } catch (LibvirtException ignored) {
            // closing the connection below drops the registration anyway
        }
        closeQuietly(connect);
    }

    private static void closeQuietly(Connect connect) {
        try {
            connect.close();
        } catch (LibvirtException ignored) {
            // nothing left to release on our side
        }
    }
}
