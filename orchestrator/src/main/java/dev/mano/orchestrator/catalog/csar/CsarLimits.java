package dev.mano.orchestrator.catalog.csar;

/**
 * Bounds on what unpacking a CSAR may cost: a zip bomb is a small upload that decompresses to
 * far more than its size, or to a huge number of entries.
 *
 * @param maxEntries files and directories in the archive
 * @param maxUnpackedBytes sum of the decompressed sizes, counted while reading (headers can lie)
 * @param maxCompressionRatio decompressed / compressed bytes of one entry above 1 MiB
 * @param maxTextBytes a descriptor, TOSCA.meta or manifest larger than this is refused
 */
public record CsarLimits(int maxEntries, long maxUnpackedBytes, int maxCompressionRatio, int maxTextBytes) {}
