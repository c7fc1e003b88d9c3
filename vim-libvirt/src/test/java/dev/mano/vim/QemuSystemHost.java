package dev.mano.vim;

import org.junit.jupiter.api.Assumptions;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** This machine's libvirtd; tests that need it skip, with the reason, when it is not running. */
public final class QemuSystemHost {
    public static final String URI = "qemu:///system";

    private QemuSystemHost() {
    }

    public static void assumeReachable() {
        String reason = null;
        try {
            Connect connect = LibvirtConnection.open(URI);
            try {
                connect.close();
            } catch (LibvirtException ignored) {
                // reachable is all we wanted to know
            }
        } catch (VimException e) {
            reason = e.getMessage() + " (start it with: virtlogd -d; libvirtd -d)";
        }
        Assumptions.assumeTrue(reason == null, reason);
    }
}
