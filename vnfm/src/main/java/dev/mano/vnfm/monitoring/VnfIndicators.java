package dev.mano.vnfm.monitoring;

import dev.mano.vnfm.VnfcRef;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The current SOL002 indicators of a VNF, from the latest sample of each of its VNFCs.
 * {@code id} is stable for programs ({@code busy_ratio_max}, {@code drop_rate}, {@code counter.<name>});
 * {@code name} is a short label for charts.
 */
@Component
public class VnfIndicators {

    private final MetricsStore store;

    public VnfIndicators(MetricsStore store) {
        this.store = store;
    }

    /** Empty when the VNF has never reported. */
    public Optional<List<VnfIndicator>> of(String vnfInstanceId) {
        List<VnfcSample> latest = new ArrayList<>();
        for (VnfcRef vnfc : store.vnfcs(vnfInstanceId)) {
            store.latest(vnfc).ifPresent(latest::add);
        }
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        double busyMax = latest.stream().mapToDouble(VnfcSample::busyRatioMax).max().orElse(0);
        double busyMean = latest.stream().mapToDouble(VnfcSample::busyRatioMax).average().orElse(0);
        double rx = latest.stream().mapToDouble(VnfcSample::rxPps).sum();
        double tx = latest.stream().mapToDouble(VnfcSample::txPps).sum();
        double offered = latest.stream().mapToDouble(VnfcSample::offeredPps).sum();
        double dropped = latest.stream().mapToDouble(VnfcSample::droppedPps).sum();
        Map<String, Long> counters = new TreeMap<>();
        latest.forEach(s -> s.counters().forEach((k, v) -> counters.merge(k, v, Long::sum)));

        List<VnfIndicator> out = new ArrayList<>();
        out.add(VnfIndicator.of(vnfInstanceId, "busy_ratio_max", "Busy ratio, busiest lcore", round(busyMax)));
        out.add(VnfIndicator.of(vnfInstanceId, "busy_ratio_mean", "Busy ratio, mean of VNFCs", round(busyMean)));
        out.add(VnfIndicator.of(vnfInstanceId, "rx_pps", "Rx packets/s", Math.round(rx)));
        out.add(VnfIndicator.of(vnfInstanceId, "tx_pps", "Tx packets/s", Math.round(tx)));
        out.add(VnfIndicator.of(vnfInstanceId, "drop_rate", "Drop rate",
                offered <= 0 ? 0.0 : round(Math.min(1.0, dropped / offered))));
        out.add(VnfIndicator.of(vnfInstanceId, "vnfc_count", "VNFCs reporting", latest.size()));
        counters.forEach((name, value) ->
                out.add(VnfIndicator.of(vnfInstanceId, "counter." + name, name, value)));
        return Optional.of(out);
    }

    public List<VnfIndicator> all() {
        List<VnfIndicator> out = new ArrayList<>();
        for (String id : store.vnfInstanceIds()) {
            of(id).ifPresent(out::addAll);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
