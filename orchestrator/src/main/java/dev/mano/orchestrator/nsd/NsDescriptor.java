package dev.mano.orchestrator.nsd;

import java.util.Map;
import java.util.UUID;

/** A row of ns_descriptor: the NSD's identity, states and YAML text (small: kept in the database). */
public record NsDescriptor(UUID id, String nsdId, String name, String designer, String version, String invariantId,
                           boolean onboarded, boolean enabled, String content, Map<String, Object> userDefinedData) {}
