package dev.mano.dataplane.agent;

import dev.mano.agent.protocol.AgentCodec;
import dev.mano.agent.protocol.AgentMessage;
import dev.mano.agent.protocol.BoundedLineReader;
import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The VNFM's end of a link in these tests: writes raw lines, reads decoded messages. */
final class VnfmPeer {

    private final BoundedLineReader lines;
    private final OutputStream out;

    VnfmPeer(InputStream in, OutputStream out) {
        this.lines = new BoundedLineReader(in);
        this.out = out;
    }

    void sendRaw(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void send(AgentMessage message) throws IOException {
        sendRaw(AgentCodec.encode(message));
    }

    AgentMessage next() throws IOException {
        String line = lines.readLine();
        if (line == null) {
            throw new IOException("agent closed the link");
        }
        return AgentCodec.decode(line);
    }

    /** The next message of the type, skipping hello and heartbeats (unless one of those is asked for). */
    <T extends AgentMessage> T next(Class<T> type) throws IOException {
        while (true) {
            AgentMessage m = next();
            if (type.isInstance(m)) {
                return type.cast(m);
            }
            if (!(m instanceof Heartbeat || m instanceof Hello)) {
                throw new AssertionError("expected " + type.getSimpleName() + ", got " + m);
            }
        }
    }

    /** True when the agent ends the link before another message of the type arrives. */
    boolean closedByAgent() {
        try {
            while (true) {
                if (lines.readLine() == null) {
                    return true;
                }
            }
        } catch (IOException e) {
            return true;
        }
    }
}
