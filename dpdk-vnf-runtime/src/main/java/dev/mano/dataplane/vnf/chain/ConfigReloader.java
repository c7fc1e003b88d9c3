package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.config.RuntimeConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Re-reads the runtime's config file when it changes and hands the VNF its section: the "edit vnf.yaml
 * and the VNF picks it up" path (the agent's run-time changes use the VNFs' Java APIs directly). Polls the
 * modification time, because inotify does not see edits through a bind mount or a replaced file reliably.
 * A file that fails to parse or validate changes nothing; the error is kept for the agent to report.
 */
public final class ConfigReloader implements AutoCloseable {
    private final Path file;
    private final String type;
    private final Reloadable vnf;
    private final Thread thread;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean running = true;
    private FileTime seen;

    public ConfigReloader(Path file, String type, Reloadable vnf, Duration interval) {
        this.file = file;
        this.type = type;
        this.vnf = vnf;
        this.seen = modified();
        this.thread = Thread.ofPlatform().daemon().name("config-reload").start(() -> {
            while (running) {
                try {
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    return;
                }
                checkOnce();
            }
        });
    }

    /** Reloads now if the file changed since the last look; true when it applied a new version. */
    public synchronized boolean checkOnce() {
        FileTime now = modified();
        if (now == null || now.equals(seen)) {
            return false;
        }
        seen = now;
        try {
            vnf.reload(RuntimeConfig.load(file, type).vnf());
            reloads.incrementAndGet();
            lastError.set(null);
            return true;
        } catch (RuntimeException e) {
            lastError.set(e.getMessage());
            System.err.println("config reload of " + file + " failed, keeping the running configuration: " + e.getMessage());
            return false;
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    public long reloads() {
        return reloads.get();
    }

    /** Why the last reload was refused, or null when the last one applied. */
    public String lastError() {
        return lastError.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
