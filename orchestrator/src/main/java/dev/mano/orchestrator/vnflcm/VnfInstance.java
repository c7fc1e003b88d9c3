package dev.mano.orchestrator.vnflcm;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A row of vnf_instance. */
public record VnfInstance(UUID id, String name, String description, String vnfdId, UUID vnfPkgId, String provider,
                          String productName, String softwareVersion, String vnfdVersion, boolean instantiated,
                          String flavourId, String instantiationLevelId, String vnfState,
                          Map<String, Integer> scaleStatus, UUID nsInstanceId, OffsetDateTime createdAt) {}
