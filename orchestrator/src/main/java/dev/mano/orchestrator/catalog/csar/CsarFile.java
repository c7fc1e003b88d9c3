package dev.mano.orchestrator.catalog.csar;

/** A file inside a CSAR with the checksum computed while reading it. */
public record CsarFile(String path, String algorithm, String hash, long size) {}
