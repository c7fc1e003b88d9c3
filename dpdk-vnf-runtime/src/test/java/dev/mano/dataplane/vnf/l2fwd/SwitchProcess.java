package dev.mano.dataplane.vnf.l2fwd;

import dev.mano.dataplane.cli.Main;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime as the orchestrator will spawn it, a process of its own (one EAL per process): the CLI
 * ({@link Main}) with a YAML file and EAL arguments. Its Prometheus endpoint tells the test which links
 * are up and what the workers counted.
 */
final class SwitchProcess implements AutoCloseable {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$");

    private final Process process;
    private final int metricsPort;
    private final List<String> log = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private SwitchProcess(Process process, int metricsPort) {
        this.process = process;
        this.metricsPort = metricsPort;
        Thread.ofPlatform().daemon().name("switch-output").start(() -> {
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
     * Writes {@code yaml} plus a metrics port to {@code config} and starts the runtime on it; returns once
     * it serves metrics (ports started, workers running).
     *
     * @param lcores EAL --lcores: the main lcore, then the worker(s)
     */
    static SwitchProcess start(Path config, String yaml, String lcores) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        java.nio.file.Files.writeString(config, yaml + "metrics: {port: " + port + "}\n");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--vnf", "l2fwd", "--config", config.toString(), "--stats-interval", "1", "--",
                "--lcores", lcores, "-n", "1", "--no-huge", "-m", "256", "--no-pci",
                "--file-prefix", "vhost-switch-" + ProcessHandle.current().pid() + "-" + System.nanoTime(),
                "--log-level", "lib.eal:warning");
        SwitchProcess started = new SwitchProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!started.logContains("metrics on http://")) {
            if (!started.process.isAlive() || System.nanoTime() > deadline) {
                started.close();
                throw new AssertionError("the switch did not start:\n" + started.log());
            }
            Thread.sleep(20);
        }
        return started;
    }

    private boolean logContains(String text) {
        synchronized (log) {
            return log.stream().anyMatch(line -> line.contains(text));
        }
    }

    /** The samples of one metric by their label set, e.g. {@code port="net_vhost0"} -> 1. */
    Map<String, Double> metric(String name) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> samples = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                samples.put(m.group(2).replace("vnf=\"l2fwd\",", ""), Double.parseDouble(m.group(3)));
            }
        }
        return samples;
    }

    boolean linkUp(String port) throws IOException, InterruptedException {
        return metric("dataplane_port_link_up").getOrDefault("port=\"" + port + "\"", 0.0) == 1.0;
    }

    /** Packets the workers dropped, all reasons. */
    long drops() throws IOException, InterruptedException {
        return metric("dataplane_lcore_dropped_packets_total").values().stream().mapToLong(Double::longValue).sum();
    }

    /** For a failure message: the counters and the switch's Java threads (a worker stuck in native code shows here). */
    String diagnostics() {
        StringBuilder out = new StringBuilder("--- switch metrics ---\n");
        try {
            String text = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).get(5, TimeUnit.SECONDS).body();
            text.lines().filter(line -> !line.startsWith("#") && !line.endsWith(" 0")).forEach(line -> out.append(line).append('\n'));
        } catch (Exception e) {
            out.append("no answer: ").append(e).append('\n');
        }
        out.append("--- switch threads ---\n");
        try {
            Process jstack = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                    Long.toString(process.pid())).redirectErrorStream(true).start();
            if (jstack.waitFor(15, TimeUnit.SECONDS)) {
                out.append(new String(jstack.getInputStream().readAllBytes()));
            } else {
                jstack.destroyForcibly();
                out.append("jstack did not answer in 15 s (the JVM cannot reach a safepoint)\n");
            }
        } catch (Exception e) {
            out.append("jstack failed: ").append(e).append('\n');
        }
        return out.toString();
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() {
        synchronized (log) {
            return "--- switch ---\n" + String.join("\n", log);
        }
    }

    /** SIGTERM (the runtime stops its workers, closes the ports, cleans EAL up), SIGKILL if that hangs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
