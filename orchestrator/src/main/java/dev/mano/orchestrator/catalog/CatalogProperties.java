package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.catalog.csar.CsarLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code mano.catalog.*}: limits on what an upload may cost, and whether the bundled packages
 * are onboarded at start.
 *
 * @param maxUploadBytes largest accepted upload, counted on the bytes received (413 beyond)
 * @param maxEntries largest number of entries in a CSAR
 * @param maxUnpackedBytes largest total decompressed size of a CSAR
 * @param maxCompressionRatio largest decompressed/compressed ratio of one CSAR entry
 * @param maxDescriptorBytes largest descriptor, TOSCA.meta or manifest
 * @param onboardBundled onboard the VNF packages shipped in the jar on start
 * @param staleUploadAfter an upload or onboarding untouched this long was cut off by a restart
 */
@ConfigurationProperties("mano.catalog")
public record CatalogProperties(
        @DefaultValue("64MB") DataSize maxUploadBytes,
        @DefaultValue("4096") int maxEntries,
        @DefaultValue("1GB") DataSize maxUnpackedBytes,
        @DefaultValue("100") int maxCompressionRatio,
        @DefaultValue("4MB") DataSize maxDescriptorBytes,
        @DefaultValue("true") boolean onboardBundled,
        @DefaultValue("1h") Duration staleUploadAfter) {

    public CsarLimits csarLimits() {
        return new CsarLimits(maxEntries, maxUnpackedBytes.toBytes(), maxCompressionRatio,
                (int) Math.min(Integer.MAX_VALUE, maxDescriptorBytes.toBytes()));
    }
}
