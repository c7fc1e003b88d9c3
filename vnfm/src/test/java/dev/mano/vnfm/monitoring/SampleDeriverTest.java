package dev.mano.vnfm.monitoring;

import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.LcoreLoad;
import dev.mano.agent.protocol.PortCounters;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleDeriverTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private static Heartbeat hb(long seq, long ms, long rx, long tx, long missed, long errors, double... busy) {
        List<LcoreLoad> lcores = new java.util.ArrayList<>();
        for (int i = 0; i < busy.length; i++) {
            lcores.add(new LcoreLoad(i + 1, busy[i]));
        }
        return new Heartbeat(seq, ms, List.of(new PortCounters("p0", rx, tx, missed, errors),
                new PortCounters("p1", rx, tx, 0, 0)), lcores, Map.of("flows", seq));
    }

    @Test
    void ratesComeFromCounterDeltasOverTheAgentsInterval() {
        SampleDeriver d = new SampleDeriver();
        assertEquals(Optional.empty(), d.next(hb(1, 10_000, 1_000, 1_000, 0, 0, 0.2, 0.4), T0));
        // 2 s on the agent's clock even though the VNFM received it 1 s later (a delayed heartbeat)
        VnfcSample s = d.next(hb(2, 12_000, 3_000_000, 2_900_000, 100_000, 20_000, 0.9, 0.5), T0.plusSeconds(1)).orElseThrow();
        assertEquals(T0.plusSeconds(1), s.at());
        assertEquals((2 * 2_999_000) / 2.0, s.rxPps());
        assertEquals((2 * 2_899_000) / 2.0, s.txPps());
        assertEquals(0.9, s.busyRatioMax());
        assertEquals(0.7, s.busyRatioMean(), 1e-9);
        assertEquals(s.rxPps() + 50_000, s.offeredPps());
        assertEquals(60_000, s.droppedPps());
        assertEquals(60_000 / (s.rxPps() + 50_000), s.dropRate(), 1e-12);
        assertEquals(Map.of("flows", 2L, "port.p0.rx_packets", 3_000_000L, "port.p0.tx_packets", 2_900_000L,
                "port.p1.rx_packets", 3_000_000L, "port.p1.tx_packets", 2_900_000L), s.counters());
    }

    @Test
    void aCounterResetStartsANewBaseline() {
        SampleDeriver d = new SampleDeriver();
        d.next(hb(1, 1000, 5_000, 5_000, 0, 0, 0.1), T0);
        d.next(hb(2, 2000, 6_000, 6_000, 0, 0, 0.1), T0.plusSeconds(1));
        assertEquals(Optional.empty(), d.next(hb(3, 3000, 10, 10, 0, 0, 0.1), T0.plusSeconds(2)));
        VnfcSample after = d.next(hb(4, 4000, 1010, 1010, 0, 0, 0.1), T0.plusSeconds(3)).orElseThrow();
        assertEquals(2000.0, after.rxPps());
    }

    @Test
    void aRepeatedOrOlderSequenceIsIgnored() {
        SampleDeriver d = new SampleDeriver();
        d.next(hb(5, 5000, 100, 100, 0, 0, 0.1), T0);
        assertEquals(Optional.empty(), d.next(hb(5, 5000, 100, 100, 0, 0, 0.1), T0));
        assertTrue(d.next(hb(6, 6000, 200, 200, 0, 0, 0.1), T0.plusSeconds(1)).isPresent());
    }

    @Test
    void anIdleVnfHasNoDropRate() {
        SampleDeriver d = new SampleDeriver();
        d.next(hb(1, 1000, 0, 0, 0, 0), T0);
        VnfcSample s = d.next(hb(2, 2000, 0, 0, 0, 0), T0.plusSeconds(1)).orElseThrow();
        assertEquals(0.0, s.dropRate());
        assertEquals(0.0, s.busyRatioMax());
    }
}
