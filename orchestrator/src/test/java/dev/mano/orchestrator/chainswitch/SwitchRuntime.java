package dev.mano.orchestrator.chainswitch;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** What tests of the real chain switch need: the runtime built beside this module, and a way to knock on a socket. */
public final class SwitchRuntime {
    /** The runtime's jars as the reactor leaves them, seen from this module's directory. */
    public static final String CLASSPATH = "../dpdk-vnf-runtime/target/*:../dpdk-vnf-runtime/target/lib/*";

    private SwitchRuntime() {}

    /** Skips the test, saying why, when the switch cannot run here. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/bin/dpdk-testpmd")) || Files.isDirectory(Path.of("/usr/lib/x86_64-linux-gnu/dpdk")),
                "DPDK is not installed (apt-get install dpdk): the chain switch is a DPDK process");
        Assumptions.assumeTrue(Files.isDirectory(Path.of("../dpdk-vnf-runtime/target/lib")),
                "the runtime is not built (../dpdk-vnf-runtime/target/lib): build the reactor, not this module alone");
    }

    /** Whether something accepts connections on this Unix socket. */
    public static boolean listening(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }
}
