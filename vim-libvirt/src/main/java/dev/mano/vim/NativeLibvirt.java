package dev.mano.vim;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.libvirt.Connect;

import java.util.Optional;

/**
 * The two libvirt calls our inventory needs that libvirt-java 0.5.3 does not bind:
 * {@code virNodeGetFreePages} (free pages per cell and size) and {@code virConnectGetDomainCapabilities}.
 */
public final class NativeLibvirt {
    interface Virt extends Library {
        int virNodeGetFreePages(Pointer conn, int npages, int[] pages, int startCell, int cellCount, long[] counts, int flags);

        Pointer virConnectGetDomainCapabilities(Pointer conn, String emulatorbin, String arch, String machine,
                                                String virttype, int flags);

        String virGetLastErrorMessage();
    }

    private static final class Holder {
        static final Virt VIRT = Native.load("virt", Virt.class);
    }

    private NativeLibvirt() {
    }

    /**
     * Free pages for each requested size on cells {@code [startCell, startCell+cellCount)}; result indexed
     * {@code [cell - startCell][size index]}.
     */
    public static long[][] freePages(Connect connect, int[] pageSizesKib, int startCell, int cellCount) throws VimException {
        long[] counts = new long[pageSizesKib.length * cellCount];
        int got = Holder.VIRT.virNodeGetFreePages(LibvirtConnection.pointerOf(connect), pageSizesKib.length, pageSizesKib,
                startCell, cellCount, counts, 0);
        if (got < 0) {
            throw new VimException("cannot read free hugepages of " + LibvirtConnection.uriOf(connect) + ": " + lastError());
        }
        long[][] result = new long[cellCount][pageSizesKib.length];
        for (int c = 0; c < cellCount; c++) {
            System.arraycopy(counts, c * pageSizesKib.length, result[c], 0, pageSizesKib.length);
        }
        return result;
    }

    /** The domain capabilities document for a virt type ("kvm", "qemu"), or empty when the host cannot run it. */
    public static Optional<String> domainCapabilities(Connect connect, String arch, String virtType) {
        Pointer xml = Holder.VIRT.virConnectGetDomainCapabilities(LibvirtConnection.pointerOf(connect), null, arch, null,
                virtType, 0);
        if (xml == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(xml.getString(0, "UTF-8"));
        } finally {
            Native.free(Pointer.nativeValue(xml));
        }
    }

    private static String lastError() {
        String message = Holder.VIRT.virGetLastErrorMessage();
        return message != null ? message : "unknown libvirt error";
    }
}
