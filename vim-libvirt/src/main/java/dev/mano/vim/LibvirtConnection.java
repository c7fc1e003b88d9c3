package dev.mano.vim;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.ConnectionPointer;

import java.lang.reflect.Field;

/**
 * Opens libvirt connections with messages a person can act on, and reaches the raw connection pointer
 * for the few libvirt calls that libvirt-java 0.5.3 does not bind (see {@link NativeLibvirt}).
 */
public final class LibvirtConnection {
    private static volatile boolean errorPrintingSilenced;

    private LibvirtConnection() {
    }

    public static Connect open(String uri) throws VimException {
        silenceDefaultErrorPrinting();
        try {
            return new Connect(uri);
        } catch (LibvirtException e) {
            throw new VimException("cannot connect to " + uri + ": " + reason(e), e);
        } catch (UnsatisfiedLinkError e) {
            throw new VimException("cannot connect to " + uri + ": libvirt's client library (libvirt0) is not installed: "
                    + e.getMessage(), e);
        }
    }

    /** libvirt's reason for a failure, without libvirt-java's decorations. */
    public static String reason(LibvirtException e) {
        return e.getError() != null && e.getError().getMessage() != null ? e.getError().getMessage() : String.valueOf(e.getMessage());
    }

    /** The connection's URI for messages; never throws. */
    public static String uriOf(Connect connect) {
        try {
            return connect.getURI();
        } catch (LibvirtException e) {
            return "<libvirt connection>";
        }
    }

    /**
     * libvirt's default error handler prints every error to stderr, including the ones we expect and handle
     * (a lookup of a missing domain); errors reach us as LibvirtException anyway.
     */
    private static void silenceDefaultErrorPrinting() {
        if (errorPrintingSilenced) {
            return;
        }
        synchronized (LibvirtConnection.class) {
            if (!errorPrintingSilenced) {
                try {
                    Connect.setErrorCallback(SilentErrorCallback.INSTANCE);
                } catch (LibvirtException ignored) {
                    // only the printing is affected
                }
                errorPrintingSilenced = true;
            }
        }
    }

    static Pointer pointerOf(Connect connect) {
        try {
            Field field = Connect.class.getDeclaredField("vcp");
            field.setAccessible(true);
            return ((ConnectionPointer) field.get(connect)).getPointer();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("libvirt-java changed: Connect.vcp is gone", e);
        }
    }
}
