package dev.mano.vnfm.agent;

import dev.mano.agent.protocol.AgentCodec;
import dev.mano.agent.protocol.AgentMessage;
import dev.mano.agent.protocol.BoundedLineReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The agent's end of a link, as raw protocol lines over a real socket: lets the tests send
 * what no well-behaved agent would (broken JSON, huge lines, wrong-direction messages).
 */
final class AgentPeer implements AutoCloseable {

    private final ServerSocket tcp;
    private final ServerSocketChannel unix;
    private final Path unixPath;
    private AutoCloseable link;
    private OutputStream out;
    private BoundedLineReader in;

    private AgentPeer(ServerSocket tcp, ServerSocketChannel unix, Path unixPath) {
        this.tcp = tcp;
        this.unix = unix;
        this.unixPath = unixPath;
    }

    static AgentPeer tcp() throws IOException {
        return new AgentPeer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), null, null);
    }

    /** Listens where QEMU would put the host end of the virtio-serial channel. */
    static AgentPeer unix(Path path) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(path));
        return new AgentPeer(null, ch, path);
    }

    AgentAddress address() {
        return tcp != null ? new AgentAddress.Tcp("127.0.0.1", tcp.getLocalPort()) : new AgentAddress.UnixSocket(unixPath);
    }

    void accept() throws IOException {
        if (tcp != null) {
            Socket s = tcp.accept();
            link = s;
            out = s.getOutputStream();
            in = new BoundedLineReader(s.getInputStream());
        } else {
            SocketChannel s = unix.accept();
            link = s;
            out = Channels.newOutputStream(s);
            InputStream input = Channels.newInputStream(s);
            in = new BoundedLineReader(input);
        }
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void sendLine(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void send(AgentMessage m) throws IOException {
        sendLine(AgentCodec.encode(m));
    }

    AgentMessage receive() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("VNFM closed the link");
        }
        return AgentCodec.decode(line);
    }

    void dropLink() throws Exception {
        if (link != null) {
            link.close();
        }
    }

    @Override
    public void close() throws Exception {
        dropLink();
        if (tcp != null) {
            tcp.close();
        }
        if (unix != null) {
            unix.close();
            java.nio.file.Files.deleteIfExists(unixPath);
        }
    }
}
