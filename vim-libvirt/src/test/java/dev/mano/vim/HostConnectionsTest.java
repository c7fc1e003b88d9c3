package dev.mano.vim;

import dev.mano.vim.domain.SampleSpecs;
import dev.mano.vim.domain.VnfcMetadata;
import dev.mano.vim.inventory.SimulatedHostFiles;
import dev.mano.vim.lifecycle.DomainLifecycle;
import dev.mano.vim.lifecycle.OurDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostConnectionsTest {

    @Test
    void aSimulatedHostKeepsItsDomainsAcrossCallersAndEvictionStartsItAfresh(@TempDir Path dir) throws VimException {
        String uri = SimulatedHostFiles.uri(SimulatedHostFiles.write(dir, SimulatedHostFiles.Shape.typical("pool-host")));
        try (HostConnections connections = new HostConnections()) {
            Connect first = connections.get(uri);
            new DomainLifecycle(first).define(SampleSpecs.smallTcg("mano-pool-1", new VnfcMetadata("vnfc-p1", "vnf-p", null)));

            Connect again = connections.get(uri);
            assertSame(first, again);
            List<OurDomain> seen = new DomainLifecycle(again).listOurs();
            assertEquals(List.of("mano-pool-1"), seen.stream().map(OurDomain::name).toList());

            connections.evict(uri);
            Connect fresh = connections.get(uri);
            assertNotSame(first, fresh);
            assertTrue(new DomainLifecycle(fresh).listOurs().isEmpty(), "a new test-driver connection is a new simulated host");
        }
    }
}
