package dev.mano.dataplane.agent;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The VNF-specific part of what the VNFM may ask at run time: configuration and draining.
 * Each VNF supplies its own (a router swaps its route table, a firewall stops admitting new
 * connections when draining); {@link #STATELESS} fits a VNF with neither.
 */
public interface VnfControl {

    /** @throws IllegalArgumentException with a reason, when the config is rejected (the old one stays) */
    void applyConfig(Map<String, String> config);

    /** Completes when no flow would be cut by removing this VNFC. */
    CompletionStage<Void> drain();

    /**
     * A VNF without run-time configuration and without flow state (l2fwd): any config is
     * rejected, and it is drained at once since no packet depends on earlier ones.
     */
    VnfControl STATELESS = new VnfControl() {
        @Override
        public void applyConfig(Map<String, String> config) {
            if (!config.isEmpty()) {
                throw new IllegalArgumentException("this VNF takes no run-time configuration (keys given: "
                        + String.join(", ", new java.util.TreeSet<>(config.keySet())) + ")");
            }
        }

        @Override
        public CompletionStage<Void> drain() {
            return CompletableFuture.completedFuture(null);
        }
    };
}
