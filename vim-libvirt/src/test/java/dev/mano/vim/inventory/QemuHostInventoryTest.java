package dev.mano.vim.inventory;

import dev.mano.vim.VimException;
import dev.mano.vim.QemuSystemHost;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inventory of this machine through qemu:///system (skipped when libvirtd is not running). */
class QemuHostInventoryTest {

    @Test
    void thisMachineHasCellsCpusAndConsistentPools() throws VimException {
        QemuSystemHost.assumeReachable();
        HostTopology host = HostInventoryReader.read(QemuSystemHost.URI);

        assertFalse(host.cells().isEmpty());
        int cpus = host.cells().stream().mapToInt(c -> c.cpus().size()).sum();
        assertTrue(cpus >= 1);
        for (NumaCell cell : host.cells()) {
            cell.cpus().forEach(c -> assertTrue(c.siblings().contains(c.id()), "siblings include the CPU itself: " + c));
            cell.hugepages().forEach(p -> assertTrue(p.free() >= 0 && p.free() <= p.total(), "free within total: " + p));
        }
        if (host.kvm()) {
            assertTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/dev/kvm")), "KVM reported only where /dev/kvm is usable");
        }
    }
}
