package dev.mano.orchestrator.hosts;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Recently read {@link HostRef}s: the lifecycle asks for the same few hosts many times per operation
 * (deploy, agent gate, chain networks, monitoring), one database round trip each. An entry is dropped
 * when this replica writes the host (register, refresh, delete) and lives at most {@link #TTL}, so
 * a libvirt URI another replica re-registered is seen within that time.
 */
final class HostRefCache {
    static final Duration TTL = Duration.ofSeconds(5);

    private record Entry(HostRef ref, long readAt) {}

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    HostRef get(UUID id, Function<UUID, HostRef> read) {
        Entry e = entries.get(id);
        long now = System.nanoTime();
        if (e != null && now - e.readAt < TTL.toNanos()) {
            return e.ref;
        }
        HostRef ref = read.apply(id);
        entries.put(id, new Entry(ref, now));
        return ref;
    }

    void forget(UUID id) {
        entries.remove(id);
    }
}
