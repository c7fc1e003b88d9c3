package dev.mano.dataplane.agent;

import dev.mano.agent.protocol.LcoreLoad;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns cumulative busy/total cycles into the busy ratio of the interval since the
 * previous call: a ratio since start would hide a recent overload behind hours of idling.
 * Not thread-safe: the heartbeat thread alone owns it.
 */
final class BusyRatios {

    private Map<Integer, LcoreCycles> previous = new HashMap<>();

    List<LcoreLoad> next(List<LcoreCycles> now) {
        List<LcoreLoad> out = new ArrayList<>(now.size());
        Map<Integer, LcoreCycles> current = new HashMap<>();
        for (LcoreCycles c : now) {
            current.put(c.lcore(), c);
            LcoreCycles before = previous.getOrDefault(c.lcore(), new LcoreCycles(c.lcore(), 0, 0));
            long total = c.totalCycles() - before.totalCycles();
            long busy = c.busyCycles() - before.busyCycles();
            double ratio = total <= 0 ? 0.0 : Math.clamp((double) busy / total, 0.0, 1.0);
            out.add(new LcoreLoad(c.lcore(), ratio));
        }
        previous = current;
        return out;
    }
}
