package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.nslcm.ChainTestVnfd;
import java.util.UUID;

/**
 * A small VNFD for lifecycle tests: one VDU (PMD cores + 1 vCPUs, 1 GiB of 2 MB pages, a VF, a vhost-user port),
 * scalable by the aspect {@code capacity} and autoscaled on its busy ratio.
 */
public final class LcmTestVnfd {
    private static final String BUSY_AUTOSCALE = """
                - busy_autoscale:
                    type: mano.policies.Autoscaling
                    targets: [ fwd ]
                    properties:
                      aspect: capacity
                      metric: busy_ratio
                      scale_out_threshold: 0.8
                      scale_in_threshold: 0.3
                      window: 30 s
                      cooldown: 60 s
            """;

    private LcmTestVnfd() {}

    public static String yaml(String vnfdId, String physnet, int pmdLcores) {
        return ChainTestVnfd.yaml(vnfdId, physnet, pmdLcores, 1, "sriov-vf", "vhost-user")
                + ChainTestVnfd.CAPACITY_ASPECT + BUSY_AUTOSCALE;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
