package dev.mano.vim.inventory;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The simulated hosts shipped in src/test/resources/hosts, as test-driver URIs. */
final class TestHosts {
    private TestHosts() {
    }

    static String uri(String name) {
        try {
            Path node = Path.of(TestHosts.class.getResource("/hosts/" + name + ".xml").toURI());
            return SimulatedHostFiles.uri(node);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
