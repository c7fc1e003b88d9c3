package dev.mano.vnfm.healing;

import dev.mano.vnfm.VnfcRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final VnfcRef A = new VnfcRef("vnf-1", "a");
    private static final VnfcRef B = new VnfcRef("vnf-1", "b");

    private final HeartbeatWatch watch = new HeartbeatWatch(Duration.ofSeconds(5));

    @Test
    void reportsASilentVnfcOnceAfterTheTimeout() {
        watch.watch(A, T0);
        watch.watch(B, T0);
        for (int s = 1; s <= 10; s++) {
            watch.heartbeat(B, T0.plusSeconds(s));
        }
        watch.heartbeat(A, T0.plusSeconds(2));
        assertEquals(List.of(), watch.newlyLost(T0.plusSeconds(7)));
        List<HeartbeatLoss> lost = watch.newlyLost(T0.plusSeconds(8));
        assertEquals(List.of(new HeartbeatLoss(A, T0.plusSeconds(2), true, Duration.ofSeconds(6))), lost);
        assertEquals("no heartbeat for 6 s (last at 2026-11-26T12:00:02Z)", lost.getFirst().reason());
        assertEquals(List.of(), watch.newlyLost(T0.plusSeconds(20)).stream().filter(l -> l.vnfc().equals(A)).toList());
        assertTrue(watch.isLost(A, T0.plusSeconds(20)));
    }

    @Test
    void catchesAVnfcThatNeverSpoke() {
        watch.watch(A, T0);
        HeartbeatLoss loss = watch.newlyLost(T0.plusSeconds(6)).getFirst();
        assertFalse(loss.everHeard());
        assertEquals("no heartbeat ever received in 6 s since 2026-11-26T12:00:00Z", loss.reason());
    }

    @Test
    void aHeartbeatAfterALossRearmsTheWatch() {
        watch.watch(A, T0);
        assertEquals(1, watch.newlyLost(T0.plusSeconds(6)).size());
        watch.heartbeat(A, T0.plusSeconds(7));
        assertFalse(watch.isLost(A, T0.plusSeconds(8)));
        assertEquals(List.of(), watch.newlyLost(T0.plusSeconds(12)));
        assertEquals(1, watch.newlyLost(T0.plusSeconds(13)).size());
    }

    @Test
    void forgottenAndUnwatchedVnfcsAreNeverLost() {
        watch.heartbeat(A, T0);
        watch.watch(B, T0);
        watch.forget(B);
        assertEquals(List.of(), watch.newlyLost(T0.plusSeconds(60)));
        assertFalse(watch.isLost(A, T0.plusSeconds(60)));
    }

    @Test
    void healPlannerStopsACrashLoop() {
        HealPlanner planner = new HealPlanner(new HealingPolicy(Duration.ofSeconds(5), 2, Duration.ofMinutes(10)));
        assertInstanceOf(HealingDecision.Heal.class, planner.onFailure(A, "crashed", T0));
        assertInstanceOf(HealingDecision.Heal.class, planner.onFailure(A, "crashed", T0.plusSeconds(60)));
        HealingDecision third = planner.onFailure(A, "crashed", T0.plusSeconds(120));
        assertEquals(new HealingDecision.GiveUp(A,
                "crashed; already healed 2 times in the last 10 min, leaving it failed"), third);
        assertInstanceOf(HealingDecision.Heal.class, planner.onFailure(B, "crashed", T0.plusSeconds(120)));
        // once the first heal leaves the window, one more heal is allowed
        assertInstanceOf(HealingDecision.Heal.class, planner.onFailure(A, "crashed", T0.plusSeconds(601)));
    }
}
