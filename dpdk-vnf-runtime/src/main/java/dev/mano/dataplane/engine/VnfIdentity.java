package dev.mano.dataplane.engine;

/** Which network function the engine runs: its type (l2fwd, router, ...), version and mode. */
public record VnfIdentity(String type, String version, String mode) {
}
