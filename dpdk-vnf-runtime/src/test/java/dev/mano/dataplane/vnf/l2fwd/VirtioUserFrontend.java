package dev.mano.dataplane.vnf.l2fwd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What stands where a VM's virtio NIC would: dpdk-testpmd with a virtio-user port on a vhost-user socket
 * (the client side, as QEMU is) and a pcap port, forwarding between them in io mode (frames untouched):
 * frames of {@code rxPcap} go into the socket, frames out of the socket are written to {@code txPcap}.
 * Interactive, driven through its stdin: it connects (the vhost-user handshake) at launch but only
 * forwards after {@link #forward()}, so the test can wait until the switch sees both links up.
 * Without hugepages: DPDK 22.11's --no-huge memory is a memfd, which the vhost-user backend can map
 * (measured here: frames cross).
 */
final class VirtioUserFrontend implements AutoCloseable {
    static final Path STDBUF = Path.of("/usr/bin/stdbuf");

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final List<String> log = new ArrayList<>();

    private VirtioUserFrontend(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread.ofPlatform().daemon().name("testpmd-" + name).start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (log) {
                        log.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /**
     * @param mainCpu       CPU of testpmd's main lcore (the command line; it sleeps in read)
     * @param forwardingCpu CPU of its forwarding lcore (polls)
     */
    static VirtioUserFrontend start(String name, Path socket, Path rxPcap, Path txPcap, int mainCpu, int forwardingCpu)
            throws IOException {
        String prefix = "vhost-fe-" + name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        // testpmd's stdout into a pipe is block-buffered: unbuffered, the test sees when its ports are started
        List<String> command = new ArrayList<>(List.of(STDBUF.toString(), "-o0"));
        command.addAll(List.of("dpdk-testpmd", "--lcores", "0@" + mainCpu + ",1@" + forwardingCpu, "-n", "1",
                "--no-huge", "-m", "256", "--no-pci", "--file-prefix", prefix, "--log-level", "lib.eal:warning",
                // queue_size 1024: every frame of a test fits in the rings even if the other side is slow to drain
                "--vdev", "net_virtio_user0,path=" + socket + ",queue_size=1024",
                "--vdev", "net_pcap0,rx_pcap=" + rxPcap + ",tx_pcap=" + txPcap,
                "--", "-i", "--forward-mode=io", "--total-num-mbufs=4096", "--no-mlockall",
                // testpmd empties every rx queue when forwarding starts: that would read the whole pcap file
                "--no-flush-rx"));
        return new VirtioUserFrontend(name, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * Waits until testpmd has started its ports. The switch sees the link up earlier, when the virtio driver
     * sets DRIVER_OK at configure time, but the driver fills its rx ring only when the port starts; frames
     * sent to it in between are dropped by the switch (the vhost enqueue finds no buffer), as a NIC drops
     * frames for a VM whose driver is not up yet.
     */
    void awaitPortsStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!portsStarted()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("testpmd " + name + " did not start its ports in " + timeout + ":\n" + log());
            }
            Thread.sleep(10);
        }
    }

    private boolean portsStarted() {
        synchronized (log) {
            int checking = log.indexOf("Checking link statuses...");
            return checking >= 0 && log.subList(checking, log.size()).contains("Done");
        }
    }

    /**
     * Starts forwarding. A frame the virtio ring cannot take at once is retried for up to 10 s instead of
     * dropped (testpmd's io mode drops by default), so a switch starved of CPU loses nothing.
     */
    void forward() throws IOException {
        command("set burst tx delay 1000 retry 10000");
        command("set fwd io retry");
        command("start");
    }

    private void command(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        stdin.flush();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Stops forwarding, closes the ports (the pcap writer flushes) and exits, as a VM shutting down would. */
    void quit() throws IOException, InterruptedException {
        if (process.isAlive()) {
            command("quit");
            stdin.close();
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            close();
            throw new AssertionError("testpmd " + name + " did not quit within 20 s:\n" + log());
        }
    }

    /** For a failure message: has testpmd's port counters printed into its log. */
    void showPortStats() {
        try {
            if (process.isAlive()) {
                command("show port stats all");
                Thread.sleep(300);
            }
        } catch (IOException e) {
            // it is going away; its log says why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String log() {
        synchronized (log) {
            return "--- testpmd " + name + " ---\n" + String.join("\n", log);
        }
    }

    /** Ends the process whatever its state (SIGTERM, then SIGKILL): no testpmd outlives its test. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
