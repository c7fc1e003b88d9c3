package dev.mano.dataplane.agent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What the agent needs from the running VNF. The engine implements it; every method is
 * called from the agent's threads, never from a data-plane lcore, so implementations
 * must read the workers' counters in a thread-safe way (plain volatile/opaque reads of
 * counters the workers own are enough: a heartbeat may be a few packets stale).
 */
public interface RuntimeView {

    String vnfType();

    String version();

    /** The lcores that run the data plane. */
    List<Integer> lcores();

    /** Port names in port-id order. */
    List<String> ports();

    /** Cumulative counters now; the agent turns cycle counts into busy ratios per interval. */
    RuntimeSnapshot snapshot();

    /**
     * Applies configuration.
     *
     * @throws IllegalArgumentException with a reason a person can act on, when the config is
     *                                  rejected; the VNF must then still run its previous config
     */
    void applyConfig(Map<String, String> config);

    /** Stops taking new flows; completes when the existing ones are done. */
    CompletionStage<Void> drain();

    /** Stops the data plane; the runtime exits after this returns. */
    void stop();
}
