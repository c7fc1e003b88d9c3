package dev.mano.orchestrator.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SOL005 VnfPkgInfo, as the API shows a package. Fields a CREATED package lacks are omitted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VnfPkgInfo(
        UUID id,
        String vnfdId,
        String vnfProvider,
        String vnfProductName,
        String vnfSoftwareVersion,
        String vnfdVersion,
        Checksum checksum,
        List<SoftwareImage> softwareImages,
        List<Artifact> additionalArtifacts,
        OnboardingState onboardingState,
        OperationalState operationalState,
        UsageState usageState,
        Map<String, Object> userDefinedData,
        Map<String, Object> onboardingFailureDetails,
        @JsonProperty("_links") Links links) {

    public record Checksum(String algorithm, String hash) {}

    /** SOL005 VnfPackageSoftwareImageInfo, the subset SOL001 sw_image_data gives us; id is the VDU. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SoftwareImage(String id, String name, String provider, String version,
                                String containerFormat, String diskFormat, long minDisk, String imagePath) {}

    /** SOL005 VnfPackageArtifactInfo. */
    public record Artifact(String artifactPath, Checksum checksum) {}

    public record Link(String href) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(Link self, Link vnfd, Link packageContent) {}
}
