package dev.mano.orchestrator.nslcm;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of ns_instance. */
public record NsInstance(UUID id, String name, String description, UUID nsdInfoId, String nsdId, boolean instantiated,
                         OffsetDateTime createdAt) {}
