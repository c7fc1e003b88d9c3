package dev.mano.dataplane.agent;

import dev.mano.agent.protocol.PortCounters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * An in-process runtime for the agent's own unit tests only: each snapshot advances the
 * counters by fixed steps, so the test knows exactly which figures the heartbeats carry.
 */
final class RecordingRuntime implements RuntimeView {

    final List<Map<String, String>> applied = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> drainDone = new CompletableFuture<>();
    final CountDownLatch stopped = new CountDownLatch(1);
    volatile boolean draining;
    private long snapshots;

    @Override
    public String vnfType() {
        return "l2fwd";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public List<Integer> lcores() {
        return List.of(1, 2);
    }

    @Override
    public List<String> ports() {
        return List.of("net_null0", "net_null1");
    }

    /** Port 0 gains 1000 rx / 990 tx / 10 missed per snapshot; lcore 1 is 25% busy, lcore 2 idle. */
    @Override
    public synchronized RuntimeSnapshot snapshot() {
        snapshots++;
        List<PortCounters> ports = new ArrayList<>();
        ports.add(new PortCounters("net_null0", 1000 * snapshots, 990 * snapshots, 10 * snapshots, 0));
        ports.add(new PortCounters("net_null1", 0, 0, 0, 0));
        List<LcoreCycles> lcores = List.of(new LcoreCycles(1, 250 * snapshots, 1000 * snapshots),
                new LcoreCycles(2, 0, 1000 * snapshots));
        Map<String, Long> counters = new HashMap<>();
        counters.put("forwarded", 990 * snapshots);
        return new RuntimeSnapshot(ports, lcores, counters);
    }

    @Override
    public void applyConfig(Map<String, String> config) {
        if (config.containsKey("bad")) {
            throw new IllegalArgumentException("unknown key bad");
        }
        applied.add(config);
    }

    @Override
    public CompletionStage<Void> drain() {
        draining = true;
        return drainDone;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }
}
