package dev.mano.orchestrator.hosts;

import java.util.Map;
import java.util.UUID;

/** What registration stored about a host, enough to read it again. */
record StoredHost(UUID id, String name, String libvirtUri, String isolatedCpus, Map<String, String> physicalNetworks) {}
