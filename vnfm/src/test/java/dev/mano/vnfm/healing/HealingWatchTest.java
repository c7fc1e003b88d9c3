package dev.mano.vnfm.healing;

import dev.mano.vim.events.DomainEventKind;
import dev.mano.vim.events.DomainLifecycleEvent;
import dev.mano.vnfm.VnfcRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealingWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final VnfcRef A = new VnfcRef("vnf-1", "a");
    private static final String HOST = "qemu+ssh://host-1/system";
    private static final HealingPolicy POLICY = new HealingPolicy(Duration.ofSeconds(5), 3, Duration.ofMinutes(10));

    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final HealingWatch watch = new HealingWatch(published::add);

    @ParameterizedTest(name = "{0} {1} -> failure: {2}")
    @CsvSource({
            "CRASHED, PANICKED, true",
            "STOPPED, CRASHED, true",
            "STOPPED, FAILED, true",
            "STOPPED, DESTROYED, true",
            "STOPPED, SHUTDOWN, true",
            "STOPPED, MIGRATED, false",
            "STOPPED, SAVED, false",
            "UNDEFINED, REMOVED, true",
            "SUSPENDED, IOERROR, true",
            "SUSPENDED, PAUSED, false",
            "STARTED, BOOTED, false",
            "SHUTDOWN, GUEST, false",
    })
    void classifiesLibvirtEvents(DomainEventKind kind, String detail, boolean failure) {
        assertEquals(failure, DomainFailure.of(new DomainLifecycleEvent(HOST, "vnf-1-a", "u", kind, detail)).isPresent());
    }

    @Test
    void aCrashAndItsEchoesHealOnceUntilTheLifecycleRearmsTheWatch() {
        watch.watch(A, POLICY, T0);
        Optional<HealRequest> first = watch.failed(A, "domain crashed", T0.plusSeconds(1));
        assertInstanceOf(HealingDecision.Heal.class, first.orElseThrow().decision());
        assertEquals(Optional.empty(), watch.failed(A, "domain stopped", T0.plusSeconds(1)));
        assertEquals(List.of(), watch.evaluate(T0.plusSeconds(60)), "the lost heartbeats are the same failure");
        assertEquals(1, published.size());
        // healed: the lifecycle watches it again, and a new failure heals again
        watch.watch(A, POLICY, T0.plusSeconds(60));
        assertEquals(1, watch.evaluate(T0.plusSeconds(66)).size());
    }

    @Test
    void libvirtEventsReachTheVnfcOfTheirDomain() throws Exception {
        watch.watch(A, POLICY, T0);
        watch.watchDomain(A, HOST, "vnf-1-a");
        watch.onEvent(new DomainLifecycleEvent(HOST, "vnf-1-a", "u", DomainEventKind.STARTED, "BOOTED"));
        watch.onEvent(new DomainLifecycleEvent("qemu+ssh://other/system", "vnf-1-a", "u", DomainEventKind.CRASHED, "PANICKED"));
        watch.onEvent(new DomainLifecycleEvent(HOST, "vnf-1-a", "u", DomainEventKind.CRASHED, "PANICKED"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (published.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, published.size());
        HealRequest heal = (HealRequest) published.getFirst();
        assertEquals(A, heal.decision().vnfc());
        assertTrue(heal.decision().reason().contains("crashed (PANICKED)"), heal.decision().reason());
    }

    @Test
    void forgottenVnfcsAreNotHealed() {
        watch.watch(A, POLICY, T0);
        watch.watchDomain(A, HOST, "vnf-1-a");
        watch.forget(A);
        assertEquals(Optional.empty(), watch.failed(A, "stopped", T0));
        assertEquals(List.of(), watch.evaluate(T0.plusSeconds(60)));
    }
}
