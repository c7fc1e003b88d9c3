package dev.mano.dataplane.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may connect to the socket of a vhost-user server port. DPDK creates it with the process's umask
 * (0755 when the runtime runs as root), and connecting to a Unix socket needs write permission: QEMU
 * running as libvirt-qemu was refused (EACCES, measured). Applied right after the port is configured,
 * when DPDK has bound the socket, and again on every start of the runtime (it recreates the file).
 *
 * @param mode  permission bits, e.g. 0660; negative = leave as created
 * @param group owning group, e.g. kvm (QEMU's group under libvirt on Debian); null = leave as created
 */
public record SocketAccess(int mode, String group) {
    public static final SocketAccess AS_CREATED = new SocketAccess(-1, null);

    public SocketAccess {
        if (mode > 0777) {
            throw new IllegalArgumentException("socket mode must be at most 0777, got 0" + Integer.toOctalString(mode));
        }
    }

    public boolean changesAnything() {
        return mode >= 0 || group != null;
    }

    public void applyTo(Path socket) throws IOException {
        if (group != null) {
            PosixFileAttributeView view = Files.getFileAttributeView(socket, PosixFileAttributeView.class);
            view.setGroup(socket.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group));
        }
        if (mode >= 0) {
            Files.setPosixFilePermissions(socket, permissions(mode));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
