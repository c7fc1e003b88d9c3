package dev.mano.vnfm.monitoring;

import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.LcoreLoad;
import dev.mano.agent.protocol.PortCounters;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Derives samples from one VNFC's heartbeats. Port counters are cumulative, so a rate
 * needs two heartbeats: the first one (and the first after a counter reset, i.e. a
 * restarted runtime) only sets the baseline. The interval is measured on the agent's clock,
 * which stamps when the counters were read; the VNFM's receive time would fold network
 * and scheduling jitter into the rates. Not thread-safe: one per agent connection.
 */
public final class SampleDeriver {

    private Heartbeat previous;
    private Instant previousReceived;

    public Optional<VnfcSample> next(Heartbeat hb, Instant receivedAt) {
        Heartbeat before = previous;
        Instant beforeReceived = previousReceived;
        previous = hb;
        previousReceived = receivedAt;
        if (before == null || hb.seq() <= before.seq()) {
            return Optional.empty();
        }
        long intervalMs = hb.timestampMs() - before.timestampMs();
        if (intervalMs <= 0) {
            intervalMs = Duration.between(beforeReceived, receivedAt).toMillis();
        }
        if (intervalMs <= 0) {
            return Optional.empty();
        }
        Totals now = Totals.of(hb);
        Totals then = Totals.of(before);
        if (now.rx < then.rx || now.tx < then.tx || now.missed < then.missed || now.errors < then.errors) {
            return Optional.empty(); // counters went back: the runtime restarted, this is the new baseline
        }
        double seconds = intervalMs / 1000.0;
        double rx = (now.rx - then.rx) / seconds;
        double tx = (now.tx - then.tx) / seconds;
        double missed = (now.missed - then.missed) / seconds;
        double errors = (now.errors - then.errors) / seconds;
        double max = hb.lcores().stream().mapToDouble(LcoreLoad::busyRatio).max().orElse(0.0);
        double mean = hb.lcores().stream().mapToDouble(LcoreLoad::busyRatio).average().orElse(0.0);
        return Optional.of(new VnfcSample(receivedAt, hb.seq(), max, mean, rx, tx, rx + missed, missed + errors,
                withPortTotals(hb)));
    }

    /**
     * The VNF's counters plus each port's cumulative packets ({@code port.<name>.rx_packets}, {@code .tx_packets}): the
     * rates above say how fast, these say how many, which is what one compares with what a test or a peer sent.
     */
    private static Map<String, Long> withPortTotals(Heartbeat hb) {
        Map<String, Long> counters = new LinkedHashMap<>(hb.counters());
        for (PortCounters p : hb.ports()) {
            counters.put("port." + p.port() + ".rx_packets", p.rxPackets());
            counters.put("port." + p.port() + ".tx_packets", p.txPackets());
        }
        return counters;
    }

    private record Totals(long rx, long tx, long missed, long errors) {
        static Totals of(Heartbeat hb) {
            long rx = 0, tx = 0, missed = 0, errors = 0;
            for (PortCounters p : hb.ports()) {
                rx += p.rxPackets();
                tx += p.txPackets();
                missed += p.missed();
                errors += p.errors();
            }
            return new Totals(rx, tx, missed, errors);
        }
    }
}
