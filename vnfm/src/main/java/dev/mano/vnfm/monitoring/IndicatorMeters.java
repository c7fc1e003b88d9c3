package dev.mano.vnfm.monitoring;

import dev.mano.vnfm.VnfcRef;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer gauges per VNFC ({@code mano.vnfc.*}, tagged with vnf_instance_id and vnfc_id),
 * so Prometheus scraping the actuator keeps the long-term history that {@link MetricsStore}
 * deliberately does not. Registered when a VNFC first reports, removed with it. Without a
 * MeterRegistry (a VNFM without actuator) this does nothing.
 */
@Component
public class IndicatorMeters {

    private final MeterRegistry registry;
    private final MetricsStore store;
    private final Map<VnfcRef, List<Meter>> meters = new ConcurrentHashMap<>();

    public IndicatorMeters(ObjectProvider<MeterRegistry> registry, MetricsStore store) {
        this.registry = registry.getIfAvailable();
        this.store = store;
        if (this.registry != null) {
            store.subscribe(recorded -> meters.computeIfAbsent(recorded.vnfc(), this::register));
        }
    }

    private List<Meter> register(VnfcRef vnfc) {
        Tags tags = Tags.of("vnf_instance_id", vnfc.vnfInstanceId(), "vnfc_id", vnfc.vnfcId());
        List<Meter> out = new ArrayList<>();
        out.add(gauge("mano.vnfc.busy.ratio.max", "Busiest lcore's busy-cycle ratio", vnfc, tags, VnfcSample::busyRatioMax));
        out.add(gauge("mano.vnfc.busy.ratio.mean", "Mean lcore busy-cycle ratio", vnfc, tags, VnfcSample::busyRatioMean));
        out.add(gauge("mano.vnfc.rx.pps", "Packets received per second", vnfc, tags, VnfcSample::rxPps));
        out.add(gauge("mano.vnfc.tx.pps", "Packets sent per second", vnfc, tags, VnfcSample::txPps));
        out.add(gauge("mano.vnfc.drop.rate", "Dropped / offered packets", vnfc, tags, VnfcSample::dropRate));
        return out;
    }

    private Meter gauge(String name, String help, VnfcRef vnfc, Tags tags, ToDoubleFunction<VnfcSample> value) {
        return Gauge.builder(name, store, s -> s.latest(vnfc).map(value::applyAsDouble).orElse(Double.NaN))
                .description(help).tags(tags).register(registry);
    }

    /** The VNFC is gone: its series end. */
    public void remove(VnfcRef vnfc) {
        List<Meter> gone = meters.remove(vnfc);
        if (gone != null && registry != null) {
            gone.forEach(registry::remove);
        }
    }
}
