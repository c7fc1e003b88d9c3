package dev.mano.vnfm.monitoring;

import dev.mano.vnfm.VnfcRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Recent samples of every VNFC, in memory, bounded per VNFC.
 *
 * <p>Why memory and not PostgreSQL: each VNFC reports every second, so 100 VNFCs are
 * 8.6 million rows a day whose only readers are the policies (which look back minutes)
 * and dashboards (which want seconds-fresh data). Writing them would load the one database
 * that holds the allocations and op occurrences, for data that is worthless in an hour.
 * Long-term history is what Prometheus is for: it scrapes the gauges this module publishes
 * on the actuator endpoint. What is lost on an orchestrator restart is the last few minutes
 * of samples, which only delays the next scaling decision by one window — the policies
 * never act on a window they did not see whole.
 *
 * <p>Retention: {@code mano.vnfm.metrics.retention} (default 15 min, i.e. 900 samples a
 * VNFC, about 100 KB), longer than any default policy window (5 min scale-in).
 */
@Component
public class MetricsStore {

    private final int capacity;
    private final Map<VnfcRef, ArrayDeque<VnfcSample>> series = new ConcurrentHashMap<>();
    private final List<Consumer<SampleRecorded>> listeners = new CopyOnWriteArrayList<>();

    public record SampleRecorded(VnfcRef vnfc, VnfcSample sample) {
    }

    @Autowired
    public MetricsStore(@Value("${mano.vnfm.metrics.retention:PT15M}") Duration retention) {
        this((int) Math.max(1, retention.toSeconds()));
    }

    /** @param capacity samples kept per VNFC (one a second) */
    MetricsStore(int capacity) {
        this.capacity = capacity;
    }

    public void record(VnfcRef vnfc, VnfcSample sample) {
        ArrayDeque<VnfcSample> q = series.computeIfAbsent(vnfc, k -> new ArrayDeque<>());
        synchronized (q) {
            if (q.size() == capacity) {
                q.removeFirst();
            }
            q.addLast(sample);
        }
        SampleRecorded event = new SampleRecorded(vnfc, sample);
        for (Consumer<SampleRecorded> l : listeners) {
            l.accept(event);
        }
    }

    /** Called for every recorded sample, on the recording (agent) thread: keep it quick. */
    public void subscribe(Consumer<SampleRecorded> listener) {
        listeners.add(listener);
    }

    public List<VnfcSample> samples(VnfcRef vnfc) {
        ArrayDeque<VnfcSample> q = series.get(vnfc);
        if (q == null) {
            return List.of();
        }
        synchronized (q) {
            return new ArrayList<>(q);
        }
    }

    public Optional<VnfcSample> latest(VnfcRef vnfc) {
        ArrayDeque<VnfcSample> q = series.get(vnfc);
        if (q == null) {
            return Optional.empty();
        }
        synchronized (q) {
            return Optional.ofNullable(q.peekLast());
        }
    }

    public List<VnfcRef> vnfcs(String vnfInstanceId) {
        return series.keySet().stream().filter(v -> v.vnfInstanceId().equals(vnfInstanceId))
                .sorted(java.util.Comparator.comparing(VnfcRef::vnfcId)).toList();
    }

    public Set<String> vnfInstanceIds() {
        Set<String> ids = new TreeSet<>();
        series.keySet().forEach(v -> ids.add(v.vnfInstanceId()));
        return ids;
    }

    /** The VNFC is gone (terminated, scaled in): drop its history. */
    public void remove(VnfcRef vnfc) {
        series.remove(vnfc);
    }

    int capacity() {
        return capacity;
    }
}
