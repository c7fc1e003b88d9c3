package dev.mano.vim.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this machine's libvirtd can give QEMU an unlimited RLIMIT_MEMLOCK (what {@code <locked/>} needs): it must
 * have CAP_SYS_RESOURCE, or already an unlimited hard limit. Containers often drop that capability.
 */
final class LibvirtdMemoryLocking {
    private static final int CAP_SYS_RESOURCE = 24;

    private LibvirtdMemoryLocking() {
    }

    static Optional<String> impossibleBecause() {
        try {
            Path pidFile = Path.of("/run/libvirtd.pid");
            if (!Files.exists(pidFile)) {
                return Optional.of("no /run/libvirtd.pid to inspect");
            }
            String pid = Files.readString(pidFile).trim();
            boolean unlimited = Files.readAllLines(Path.of("/proc", pid, "limits")).stream()
                    .filter(l -> l.startsWith("Max locked memory")).anyMatch(l -> l.split("\\s{2,}")[2].equals("unlimited"));
            long capEff = Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("CapEff:"))
                    .map(l -> Long.parseUnsignedLong(l.substring("CapEff:".length()).trim(), 16)).findFirst().orElse(0L);
            boolean sysResource = (capEff & (1L << CAP_SYS_RESOURCE)) != 0;
            return unlimited || sysResource ? Optional.empty()
                    : Optional.of("libvirtd (pid " + pid + ") lacks CAP_SYS_RESOURCE and its locked-memory hard limit is finite");
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot inspect libvirtd's limits: " + e.getMessage());
        }
    }
}
