package dev.mano.orchestrator.catalog.vnfd;

/**
 * How dedicated vCPUs treat SMT siblings (the OpenStack hw:cpu_thread_policy meanings):
 * ISOLATE takes whole cores and leaves the sibling idle, REQUIRE places vCPUs on sibling pairs,
 * PREFER uses siblings when there are any.
 */
public enum ThreadPolicy { ISOLATE, PREFER, REQUIRE }
