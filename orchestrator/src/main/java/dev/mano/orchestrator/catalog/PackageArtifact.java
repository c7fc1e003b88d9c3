package dev.mano.orchestrator.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A file of an onboarded CSAR with its checksum (SOL005 additionalArtifacts). */
@Embeddable
public record PackageArtifact(
        @Column(name = "artifact_path") String path,
        @Column(name = "checksum_algorithm") String algorithm,
        @Column(name = "checksum_hash") String hash,
        @Column(name = "size_bytes") long size) {}
