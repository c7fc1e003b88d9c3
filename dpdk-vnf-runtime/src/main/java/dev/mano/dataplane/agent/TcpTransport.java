package dev.mano.dataplane.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The agent listens on loopback and the VNFM connects: for a runtime started directly on
 * a host (tests, bare-metal VNFs). Loopback only, since the protocol has no authentication.
 */
final class TcpTransport implements AgentTransport {

    private final ServerSocket server;

    TcpTransport(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public AgentLink next() throws IOException {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        return new AgentLink(socket.getInputStream(), socket.getOutputStream(), socket);
    }

    @Override
    public String describe() {
        return "tcp " + server.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
