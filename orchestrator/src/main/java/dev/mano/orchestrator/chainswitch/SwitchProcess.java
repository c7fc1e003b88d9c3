package dev.mano.orchestrator.chainswitch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's chain switch: a runtime process in l2fwd patch mode with two {@code net_vhost} server ports per
 * segment. A change of segments restarts it with the new set (the runtime opens its ports once); QEMU, the
 * client of every socket, reconnects within a second. If the process dies on its own it is started again.
 */
final class SwitchProcess {
    private static final Logger log = LoggerFactory.getLogger(SwitchProcess.class);
    static final int MAX_SEGMENTS = 16;
    private final String name;
    private final Path dir;
    private final ChainSwitchProperties props;
    private final TreeMap<String, SwitchSegment> segments = new TreeMap<>();
    private Process process;

    /**
     * @param name a short name for this host's switch (its DPDK file prefix, config and log file names)
     * @param dir  where the config and the log go
     */
    SwitchProcess(String name, Path dir, ChainSwitchProperties props) {
        this.name = name;
        this.dir = dir;
        this.props = props;
    }

    synchronized void attach(SwitchSegment segment) {
        if (segment.equals(segments.get(segment.id())) && running()) {
            return;
        }
        segments.put(segment.id(), segment);
        try {
            restart();
        } catch (SwitchFailure e) {
            segments.remove(segment.id());
            restartQuietly();
            throw e;
        }
    }

    synchronized void detach(String segmentId) {
        if (segments.remove(segmentId) != null) {
            restartQuietly();
        }
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    synchronized void stop() {
        Process p = process;
        process = null;
        if (p == null) return;
        p.destroy(); // SIGTERM: the runtime stops its workers and closes the ports, which unlinks the sockets
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void restartQuietly() {
        try {
            restart();
        } catch (SwitchFailure e) {
            log.error("chain switch {} did not come back with {} segment(s): {}", name, segments.size(), e.getMessage());
        }
    }

    private void restart() {
        stop();
        stopOrphan();
        if (segments.isEmpty()) return;
        if (segments.size() > MAX_SEGMENTS) {
            throw new SwitchFailure("chain switch " + name + " would carry " + segments.size() + " links; one switch carries at most "
                    + MAX_SEGMENTS + " (two DPDK ports each, and this DPDK has 32)");
        }
        List<Path> sockets = segments.values().stream().flatMap(s -> java.util.stream.Stream.of(s.upstream(), s.downstream())).toList();
        Path config = dir.resolve(name + ".yaml");
        Path logFile = dir.resolve(name + ".log");
        try {
            Files.createDirectories(dir);
            for (Path socket : sockets) {
                Files.createDirectories(socket.getParent());
                // ours and the orphan's are stopped: a file left now would look like the new switch listening
                Files.deleteIfExists(socket);
            }
            Files.writeString(config, config(), StandardCharsets.UTF_8);
            process = new ProcessBuilder(command(config)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new SwitchFailure("chain switch " + name + " could not start: " + e.getMessage());
        }
        Process started = process;
        writePid(started.pid());
        started.onExit().thenRun(() -> revive(started));
        awaitSockets(started, sockets, logFile);
        log.info("chain switch {} (pid {}) carries {} segment(s)", name, started.pid(), segments.size());
    }

    /**
     * A switch left running by an orchestrator that was killed (kill -9 leaves children alive) holds the sockets and
     * its DPDK file prefix, so a new one could not start: it is stopped first, if its pid is still that switch.
     */
    private void stopOrphan() {
        Path pidFile = dir.resolve(name + ".pid");
        try {
            if (!Files.exists(pidFile)) return;
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Files.delete(pidFile);
            ProcessHandle.of(pid)
                    .filter(h -> h.info().commandLine().orElse("").contains("--file-prefix mano-switch-" + name))
                    .ifPresent(orphan -> {
                        log.warn("chain switch {}: stopping pid {} left by an earlier orchestrator", name, pid);
                        orphan.destroy();
                        try {
                            orphan.onExit().get(5, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            orphan.destroyForcibly();
                        }
                    });
        } catch (IOException | NumberFormatException e) {
            log.warn("chain switch {}: unreadable pid file {}: {}", name, pidFile, e.toString());
        }
    }

    private void writePid(long pid) {
        try {
            Files.writeString(dir.resolve(name + ".pid"), Long.toString(pid));
        } catch (IOException e) {
            log.warn("chain switch {}: no pid file ({}): a killed orchestrator would leave it running", name, e.toString());
        }
    }

    /** A switch that died on its own is started again: every link on the host goes through it. */
    private void revive(Process exited) {
        synchronized (this) {
            if (process != exited) return; // stopped or replaced on purpose
            log.warn("chain switch {} (pid {}) exited with {}; starting it again", name, exited.pid(), exited.exitValue());
            process = null;
        }
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (process == null) restartQuietly();
            }
        });
    }

    private void awaitSockets(Process p, List<Path> sockets, Path logFile) {
        long deadline = System.nanoTime() + props.startTimeout().toNanos();
        while (!sockets.stream().allMatch(Files::exists)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new SwitchFailure("chain switch " + name + (p.isAlive() ? " did not open its sockets within "
                        + props.startTimeout().toSeconds() + " s" : " exited with " + p.exitValue()) + "; its log ends: " + tail(logFile));
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /**
     * The runtime's config: two vhost server ports per segment, patched to each other. The sockets get the mode
     * and group QEMU needs to connect (it runs as libvirt-qemu, group kvm; DPDK makes them 0755 root).
     */
    private String config() {
        StringBuilder ports = new StringBuilder("idleSleepUs: " + props.idleSleepUs() + "\nports:\n");
        StringBuilder pairs = new StringBuilder("l2fwd:\n  mode: patch\n  pairs:\n");
        int i = 0;
        for (SwitchSegment s : segments.values()) {
            String up = "net_vhost" + i++;
            String down = "net_vhost" + i++;
            ports.append(port(up, s.upstream())).append(port(down, s.downstream()));
            pairs.append("    - [").append(up).append(", ").append(down).append("]\n");
        }
        return ports.append(pairs).toString();
    }

    private String port(String name, Path socket) {
        return "  - {name: " + name + ", devargs: '" + name + ",iface=" + socket + "', queues: 1, socketMode: '0660', socketGroup: "
                + props.socketGroup() + "}\n";
    }

    private List<String> command(Path config) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xms64m", "-Xmx256m",
                "-cp", props.classpath(), "dev.mano.dataplane.cli.Main",
                "--vnf", "l2fwd", "--config", config.toString(), "--stats-interval", "0"));
        // the main lcore and the one worker share the switch's CPU (the main lcore only waits)
        String cpu = Integer.toString(props.cpu());
        cmd.addAll(List.of("--", "--lcores", "0@" + cpu + ",1@" + cpu, "-n", "1", "--no-huge", "-m", Integer.toString(props.memoryMb()),
                "--no-pci", "--iova-mode=va", "--file-prefix", "mano-switch-" + name));
        return cmd;
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchFailure("interrupted while the chain switch started");
        }
    }
}
