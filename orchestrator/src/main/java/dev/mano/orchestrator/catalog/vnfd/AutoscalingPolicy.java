package dev.mano.orchestrator.catalog.vnfd;

import java.time.Duration;
import java.util.List;

/**
 * Our policy type {@code mano.policies.Autoscaling} (SOL001 has no threshold-based autoscaling
 * type). Shape in the VNFD:
 * <pre>
 * - fw_autoscale:
 *     type: mano.policies.Autoscaling
 *     targets: [ fw_vdu ]              # VDUs whose VNFCs are averaged; default: the aspect's VDUs
 *     properties:
 *       aspect: fw_scale               # a ScalingAspects aspect id
 *       metric: busy_ratio             # busy_ratio | drop_rate
 *       scale_out_threshold: 0.8       # scale out one step when the window average is above
 *       scale_in_threshold: 0.3        # scale in one step when below (drains first)
 *       window: 30 s                   # averaging window (TOSCA scalar-unit.time)
 *       cooldown: 60 s                 # no further action on the aspect for this long
 * </pre>
 */
public record AutoscalingPolicy(
        String id,
        String aspectId,
        ScalingMetric metric,
        double scaleOutThreshold,
        double scaleInThreshold,
        Duration window,
        Duration cooldown,
        List<String> vduIds) {

    public AutoscalingPolicy {
        vduIds = List.copyOf(vduIds);
    }
}
