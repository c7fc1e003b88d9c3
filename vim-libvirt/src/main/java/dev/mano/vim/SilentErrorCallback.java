package dev.mano.vim;

import com.sun.jna.Pointer;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;

/** Keeps a strong reference so JNA's native callback stub is never collected. */
final class SilentErrorCallback implements Libvirt.VirErrorCallback {
    static final SilentErrorCallback INSTANCE = new SilentErrorCallback();

    @Override
    public void errorCallback(Pointer userData, virError error) {
        // errors surface as LibvirtException with the same message
    }
}
