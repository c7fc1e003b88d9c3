package dev.mano.dataplane.engine;

/**
 * The running data plane as seen from outside the fast path (the VNFM agent, the Prometheus
 * exporter, the CLI). All methods are safe to call from any thread.
 */
public interface Dataplane {
    /** Counters of every lcore and port, and what runs. Allocates; call it at most a few times a second. */
    DataplaneSnapshot snapshot();

    /** Asks the workers to finish their current burst and return; waits until they have. Idempotent. */
    void stop();

    boolean running();
}
