package dev.mano.vim.events;

import dev.mano.vim.QemuSystemHost;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A subscriber learns that its host connection is gone. libvirtd drops our client (virt-admin client-disconnect,
 * as when the daemon dies or the host becomes unreachable); only a client of this JVM's own process is touched.
 */
class ConnectionLossTest {
    private static final Path VIRT_ADMIN = Path.of("/usr/bin/virt-admin");

    @Test
    void subscriberIsToldWhenLibvirtdDropsTheConnection() throws Exception {
        QemuSystemHost.assumeReachable();
        Assumptions.assumeTrue(Files.isExecutable(VIRT_ADMIN), "virt-admin is not installed (apt-get install libvirt-clients)");
        Set<String> before = ourClientIds();
        LinkedBlockingQueue<String> closed = new LinkedBlockingQueue<>();
        try (DomainEventSubscription ignored = DomainEventSubscription.open(QemuSystemHost.URI, new DomainEventListener() {
            @Override
            public void onEvent(DomainLifecycleEvent event) {
            }

            @Override
            public void onConnectionClosed(String hostUri, String reason) {
                closed.add(hostUri + " " + reason);
            }
        })) {
            Set<String> added = ourClientIds();
            added.removeAll(before);
            assertEquals(1, added.size(), "exactly one new libvirtd client of this process: the subscription's " + added);
            assertFalse(closed.poll(200, TimeUnit.MILLISECONDS) != null, "no close before the disconnect");

            run(VIRT_ADMIN.toString(), "client-disconnect", "libvirtd", added.iterator().next());

            String event = closed.poll(15, TimeUnit.SECONDS);
            assertNotNull(event, "no connection-closed notice within 15 s");
            assertEquals(QemuSystemHost.URI + " EOF", event);
        }
    }

    /** libvirtd client ids whose unix process id is this JVM. */
    private static Set<String> ourClientIds() throws IOException, InterruptedException {
        String pid = Long.toString(ProcessHandle.current().pid());
        Set<String> ours = new HashSet<>();
        Matcher row = Pattern.compile("(?m)^\\s*(\\d+)\\s+unix\\s").matcher(run(VIRT_ADMIN.toString(), "srv-clients-list", "libvirtd"));
        while (row.find()) {
            String id = row.group(1);
            String info = run(VIRT_ADMIN.toString(), "client-info", "libvirtd", id);
            Matcher process = Pattern.compile("(?m)^unix_process_id\\s*:\\s*(\\d+)").matcher(info);
            if (process.find() && process.group(1).equals(pid)) {
                ours.add(id);
            }
        }
        return ours;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
