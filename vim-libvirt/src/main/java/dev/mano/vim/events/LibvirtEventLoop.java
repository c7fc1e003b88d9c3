package dev.mano.vim.events;

import dev.mano.vim.LibvirtConnection;
import dev.mano.vim.VimException;
import org.libvirt.Library;
import org.libvirt.LibvirtException;

/**
 * libvirt's default event loop, run by one daemon thread for the whole JVM. libvirt delivers events only on
 * connections opened after {@code virEventRegisterDefaultImpl}, so {@link #ensureRunning()} comes before the
 * connection is opened.
 */
public final class LibvirtEventLoop {
    private static Thread thread;

    private LibvirtEventLoop() {
    }

    public static synchronized void ensureRunning() throws VimException {
        if (thread != null) {
            return;
        }
        try {
            Library.initEventLoop();
        } catch (LibvirtException e) {
            throw new VimException("cannot start libvirt's event loop: " + LibvirtConnection.reason(e), e);
        }
        Thread loop = new Thread(LibvirtEventLoop::run, "libvirt-event-loop");
        loop.setDaemon(true);
        loop.start();
        thread = loop;
    }

    private static void run() {
        while (true) {
            try {
                Library.runEventLoop();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (LibvirtException e) {
                // one failed iteration (a callback's libvirt call) must not end event delivery for every host
                System.getLogger(LibvirtEventLoop.class.getName()).log(System.Logger.Level.WARNING,
                        "libvirt event loop iteration failed: " + LibvirtConnection.reason(e));
            }
        }
    }
}
