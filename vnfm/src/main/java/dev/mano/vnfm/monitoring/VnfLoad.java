package dev.mano.vnfm.monitoring;

import dev.mano.vnfm.scaling.LoadSample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A VNF's load over time from its VNFCs' samples, bucketed by second.
 *
 * <p>Busy ratio: the mean over VNFCs of each one's busiest lcore — the share of capacity in
 * use when the upstream split (RSS, lb VNF) spreads traffic evenly, which is the quantity
 * adding a VNFC reduces. Drop rate: all drops over all offered packets, so one VNFC
 * dropping shows in the VNF's rate even when the others are idle.
 */
public final class VnfLoad {

    private VnfLoad() {
    }

    public static List<LoadSample> series(List<List<VnfcSample>> perVnfc) {
        Map<Long, Bucket> buckets = new TreeMap<>();
        for (List<VnfcSample> samples : perVnfc) {
            for (VnfcSample s : samples) {
                buckets.computeIfAbsent(s.at().getEpochSecond(), k -> new Bucket()).add(s);
            }
        }
        List<LoadSample> out = new ArrayList<>(buckets.size());
        buckets.forEach((second, b) -> out.add(b.toLoad(Instant.ofEpochSecond(second))));
        return out;
    }

    private static final class Bucket {
        double busySum;
        int count;
        double offered;
        double dropped;

        void add(VnfcSample s) {
            busySum += s.busyRatioMax();
            count++;
            offered += s.offeredPps();
            dropped += s.droppedPps();
        }

        LoadSample toLoad(Instant at) {
            return new LoadSample(at, busySum / count, offered <= 0 ? 0.0 : Math.min(1.0, dropped / offered));
        }
    }
}
