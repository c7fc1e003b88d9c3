package dev.mano.dataplane.agent;

import java.nio.file.Path;

/**
 * Where the agent listens, as given on the runtime's command line:
 * {@code tcp:PORT} (loopback) or {@code serial:/dev/virtio-ports/org.mano.agent.0}.
 */
public sealed interface AgentEndpoint {

    /** The virtio-serial port name the VIM gives every VNF domain. */
    Path DEFAULT_SERIAL = Path.of("/dev/virtio-ports/org.mano.agent.0");

    record Tcp(int port) implements AgentEndpoint {
        public Tcp {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    record Serial(Path device) implements AgentEndpoint {
    }

    static AgentEndpoint parse(String text) {
        if (text.startsWith("tcp:")) {
            try {
                return new Tcp(Integer.parseInt(text.substring(4)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected tcp:PORT, got " + text);
            }
        }
        if (text.startsWith("serial:") && text.length() > 7) {
            return new Serial(Path.of(text.substring(7)));
        }
        throw new IllegalArgumentException("expected tcp:PORT or serial:PATH, got " + text);
    }
}
