package dev.mano.dataplane.port;

import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.testing.TestEal;
import dev.mano.dataplane.vnf.l2fwd.L2fwd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** A vhost-user server socket left behind by a killed process does not stop the next start; a live one is not touched. */
class VhostUserSocketTest {

    @TempDir
    Path dir;

    /** What a process killed with its socket bound leaves: the file, and nobody listening. */
    private Path staleSocket(String name) throws Exception {
        Path path = dir.resolve(name);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
        }
        assertThat(path).exists();
        return path;
    }

    @Test
    void findsTheSocketOfAServerPortOnly() {
        assertThat(VhostUserSocket.serverPath("net_vhost0,iface=/run/mano/a.sock,queues=1")).contains(Path.of("/run/mano/a.sock"));
        assertThat(VhostUserSocket.serverPath("net_vhost0,iface=/run/mano/a.sock,client=1")).isEmpty();
        assertThat(VhostUserSocket.serverPath("net_null0")).isEmpty();
        assertThat(VhostUserSocket.serverPath(null)).isEmpty();
    }

    @Test
    void removesAStaleSocketAndLeavesALiveOne() throws Exception {
        Path stale = staleSocket("stale.sock");
        assertThat(VhostUserSocket.removeIfStale(stale)).isTrue();
        assertThat(stale).doesNotExist();

        Path live = dir.resolve("live.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(live));
            assertThat(VhostUserSocket.removeIfStale(live)).isFalse();
            assertThat(live).exists();
        }
        Path plain = Files.writeString(dir.resolve("not-a-socket"), "x");
        assertThat(VhostUserSocket.removeIfStale(plain)).isFalse();
        assertThat(plain).exists();
    }

    /**
     * socketMode/socketGroup make the sockets reachable for QEMU, which libvirt runs as libvirt-qemu
     * (groups libvirt-qemu, kvm): refused with DPDK's 0755 root socket, connected with 0660 root:kvm.
     */
    @Test
    void qemuUnderLibvirtMayConnectToASocketWithModeAndGroupSet() throws Exception {
        boolean kvm = groupExists("kvm");
        String group = kvm ? "kvm" : Files.getAttribute(dir, "posix:group").toString();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path a = dir.resolve("a.sock");
        Path b = dir.resolve("b.sock");
        RuntimeConfig config = RuntimeConfig.parse("switch.yaml", """
                ports:
                  - {name: net_vhost_sa0, devargs: "net_vhost_sa0,iface=%s", queues: 1, socketMode: "0660", socketGroup: %s}
                  - {name: net_vhost_sa1, devargs: "net_vhost_sa1,iface=%s", queues: 1}
                l2fwd:
                  mode: patch
                  pairs: [[net_vhost_sa0, net_vhost_sa1]]
                """.formatted(a, group, b), "l2fwd");
        try (RunningVnf vnf = RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf()))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a))).isEqualTo("rw-rw----");
            assertThat(Files.getAttribute(a, "posix:group").toString()).isEqualTo(group);
            boolean asQemu = kvm && ProcessHandle.current().info().user().orElse("").equals("root")
                    && Files.isExecutable(Path.of("/usr/bin/setpriv")) && Files.isExecutable(Path.of("/usr/bin/python3"))
                    && new ProcessBuilder("id", "libvirt-qemu").start().waitFor() == 0;
            if (asQemu) {
                assertThat(connectAsQemu(a)).as("libvirt-qemu connects to the 0660 root:kvm socket").isZero();
                assertThat(connectAsQemu(b)).as("libvirt-qemu is refused by the socket as DPDK created it").isNotZero();
            }
        }
    }

    private static boolean groupExists(String group) throws Exception {
        return Files.readAllLines(Path.of("/etc/group")).stream().anyMatch(line -> line.startsWith(group + ":"));
    }

    /** Exit code of a connect to {@code socket} with QEMU's credentials under libvirt. */
    private static int connectAsQemu(Path socket) throws Exception {
        Process client = new ProcessBuilder("/usr/bin/setpriv", "--reuid=libvirt-qemu", "--regid=libvirt-qemu", "--init-groups",
                "/usr/bin/python3", "-c", "import socket,sys; socket.socket(socket.AF_UNIX).connect(sys.argv[1])", socket.toString())
                .redirectErrorStream(true).start();
        client.getInputStream().readAllBytes();
        return client.waitFor();
    }

    @Test
    void aSwitchStartsOverTheSocketsOfOneThatWasKilled() throws Exception {
        Path a = staleSocket("a.sock");
        Path b = staleSocket("b.sock");
        RuntimeConfig config = RuntimeConfig.parse("switch.yaml", """
                ports:
                  - {name: net_vhost_st0, devargs: "net_vhost_st0,iface=%s", queues: 1}
                  - {name: net_vhost_st1, devargs: "net_vhost_st1,iface=%s", queues: 1}
                l2fwd:
                  mode: patch
                  pairs: [[net_vhost_st0, net_vhost_st1]]
                """.formatted(a, b), "l2fwd");
        try (RunningVnf vnf = RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf()))) {
            assertThat(vnf.running()).isTrue();
            assertThat(vnf.pool().available() + vnf.pool().inUse())
                    .as("vhost ports hold a burst per queue, not a ring of 2 x 1024 descriptors").isEqualTo(4095);
            for (Path socket : new Path[] {a, b}) {
                try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    assertThat(client.connect(UnixDomainSocketAddress.of(socket))).as("the switch listens on %s", socket).isTrue();
                }
            }
        }
        assertThat(a).as("closing the port unlinks its socket").doesNotExist();
    }
}
