package dev.mano.dataplane.agent;

import dev.mano.agent.protocol.PortCounters;
import dev.mano.dataplane.engine.Dataplane;
import dev.mano.dataplane.engine.DataplaneSnapshot;
import dev.mano.dataplane.engine.DropReason;
import dev.mano.dataplane.engine.LcoreSnapshot;
import dev.mano.dataplane.engine.PortSnapshot;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The agent's view of a running data plane ({@link Dataplane}: the engine's snapshot and
 * stop) plus the VNF's own {@link VnfControl}.
 *
 * <p>What is reported: per port the device's counters (rx, tx, rx missed = the NIC found no
 * free descriptor, rx + tx errors); per lcore its busy and total poll time, which the agent
 * turns into the interval's busy ratio; and as VNF counters the engine's drops by reason
 * summed over lcores ({@code drops.tx_full}, {@code drops.no_route}, ...).
 */
public final class DataplaneView implements RuntimeView {

    private final Dataplane dataplane;
    private final VnfControl control;

    public DataplaneView(Dataplane dataplane, VnfControl control) {
        this.dataplane = dataplane;
        this.control = control;
    }

    @Override
    public String vnfType() {
        return dataplane.snapshot().vnf().type();
    }

    @Override
    public String version() {
        return dataplane.snapshot().vnf().version();
    }

    @Override
    public List<Integer> lcores() {
        return dataplane.snapshot().lcores().stream().map(LcoreSnapshot::lcore).toList();
    }

    @Override
    public List<String> ports() {
        return dataplane.snapshot().ports().stream().map(PortSnapshot::name).toList();
    }

    @Override
    public RuntimeSnapshot snapshot() {
        DataplaneSnapshot s = dataplane.snapshot();
        List<PortCounters> ports = s.ports().stream().map(p -> new PortCounters(p.name(), p.stats().rxPackets(),
                p.stats().txPackets(), p.stats().rxMissed(), p.stats().rxErrors() + p.stats().txErrors())).toList();
        List<LcoreCycles> lcores = s.lcores().stream()
                .map(l -> new LcoreCycles(l.lcore(), l.busyNanos(), l.totalNanos())).toList();
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        for (LcoreSnapshot l : s.lcores()) {
            l.drops().forEach((reason, n) -> drops.merge(reason, n, Long::sum));
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        drops.forEach((reason, n) -> counters.put("drops." + reason.name().toLowerCase(Locale.ROOT), n));
        return new RuntimeSnapshot(ports, lcores, counters);
    }

    @Override
    public void applyConfig(Map<String, String> config) {
        control.applyConfig(config);
    }

    @Override
    public CompletionStage<Void> drain() {
        return control.drain();
    }

    @Override
    public void stop() {
        dataplane.stop();
    }
}
