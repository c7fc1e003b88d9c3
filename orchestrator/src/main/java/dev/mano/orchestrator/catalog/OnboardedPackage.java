package dev.mano.orchestrator.catalog;

import java.util.UUID;

/**
 * The ONBOARDED package of a vnfdId as the VNFM needs it when creating an instance: its identity
 * and whether it is ENABLED. Read in one plain query (the entity would load its artifacts too).
 */
public record OnboardedPackage(UUID id, String vnfdId, boolean enabled, String vnfProvider, String vnfProductName,
                               String vnfSoftwareVersion, String vnfdVersion) {}
