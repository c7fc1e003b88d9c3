package dev.mano.dataplane.agent;

import dev.mano.agent.protocol.AgentMessage;
import dev.mano.agent.protocol.ConfigApply;
import dev.mano.agent.protocol.ConfigResult;
import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The serial transport on a real character device. Inside a VM that is the virtio-serial
 * port; here it is a raw-mode pseudo-terminal, which the agent opens by path the same way.
 */
// a separate thread, so a test stuck in a blocking socket read still fails instead of hanging the build
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SerialTransportTest {

    @Test
    void speaksTheProtocolOverACharacterDevice() throws Throwable {
        assumeTrue(Files.isDirectory(java.nio.file.Path.of("/dev/pts")), "no /dev/pts on this machine");
        RecordingRuntime runtime = new RecordingRuntime();
        try (Pty pty = Pty.open();
             AgentServer server = AgentServer.start(new AgentEndpoint.Serial(pty.device()), runtime,
                     Duration.ofMillis(100))) {
            VnfmPeer vnfm = new VnfmPeer(pty.input(), pty.output());
            assertEquals("l2fwd", vnfm.next(Hello.class).vnfType());
            vnfm.send(new ConfigApply("s1", Map.of("k", "v")));
            assertEquals(ConfigResult.success("s1"), vnfm.next(ConfigResult.class));
            assertTrue(vnfm.next(Heartbeat.class).seq() > 0);
            // no connect event on a serial port: the hello comes again, before every tenth heartbeat
            int heartbeats = 0;
            AgentMessage m;
            while (!((m = vnfm.next()) instanceof Hello)) {
                assertTrue(m instanceof Heartbeat, m.toString());
                heartbeats++;
            }
            assertTrue(heartbeats < AgentServer.SERIAL_HELLO_EVERY, "hello repeated after " + heartbeats);
            assertEquals(0, ((Heartbeat) vnfm.next()).seq() % AgentServer.SERIAL_HELLO_EVERY);
        }
    }

    @Test
    void waitsForTheDeviceToAppear() throws Throwable {
        java.nio.file.Path dir = Files.createTempDirectory("agent-serial");
        java.nio.file.Path link = dir.resolve("org.mano.agent.0");
        RecordingRuntime runtime = new RecordingRuntime();
        try (Pty pty = Pty.open();
             AgentServer server = AgentServer.start(new AgentEndpoint.Serial(link), runtime,
                     Duration.ofMillis(100))) {
            Thread.sleep(300);
            // udev creates /dev/virtio-ports/<name> as a symlink to /dev/vportNpM; do the same
            Files.createSymbolicLink(link, pty.device());
            VnfmPeer vnfm = new VnfmPeer(pty.input(), pty.output());
            assertEquals("l2fwd", vnfm.next(Hello.class).vnfType());
        } finally {
            Files.deleteIfExists(link);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void parsesEndpoints() {
        assertEquals(new AgentEndpoint.Tcp(7000), AgentEndpoint.parse("tcp:7000"));
        assertEquals(new AgentEndpoint.Serial(AgentEndpoint.DEFAULT_SERIAL),
                AgentEndpoint.parse("serial:/dev/virtio-ports/org.mano.agent.0"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> AgentEndpoint.parse("udp:1"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> AgentEndpoint.parse("tcp:x"));
    }
}
