package dev.mano.vnfm.monitoring;

import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.scaling.LoadSample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final VnfcRef A = new VnfcRef("vnf-1", "a");
    private static final VnfcRef B = new VnfcRef("vnf-1", "b");

    static VnfcSample sample(Instant at, double busy, double offered, double dropped) {
        return new VnfcSample(at, 1, busy, busy, offered - dropped, offered - dropped, offered, dropped, Map.of());
    }

    @Test
    void keepsOnlyTheRetentionWindowPerVnfc() {
        MetricsStore store = new MetricsStore(Duration.ofSeconds(60));
        assertEquals(60, store.capacity());
        for (int i = 0; i < 1000; i++) {
            store.record(A, sample(T0.plusSeconds(i), 0.5, 0, 0));
        }
        store.record(B, sample(T0, 0.1, 0, 0));
        List<VnfcSample> kept = store.samples(A);
        assertEquals(60, kept.size());
        assertEquals(T0.plusSeconds(940), kept.getFirst().at());
        assertEquals(T0.plusSeconds(999), store.latest(A).orElseThrow().at());
        assertEquals(List.of(A, B), store.vnfcs("vnf-1"));
        assertEquals(Set.of("vnf-1"), store.vnfInstanceIds());
        store.remove(A);
        assertEquals(List.of(), store.samples(A));
    }

    @Test
    void aVnfsLoadIsTheMeanBusyRatioAndTheTotalDropRateOfItsVnfcs() {
        List<LoadSample> load = VnfLoad.series(List.of(
                List.of(sample(T0, 0.9, 1000, 100), sample(T0.plusSeconds(1), 0.8, 1000, 0)),
                List.of(sample(T0.plusMillis(300), 0.1, 3000, 0))));
        assertEquals(List.of(new LoadSample(T0, 0.5, 100 / 4000.0), new LoadSample(T0.plusSeconds(1), 0.8, 0.0)), load);
    }
}
