package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.catalog.VnfPkgInfo.Artifact;
import dev.mano.orchestrator.catalog.VnfPkgInfo.Checksum;
import dev.mano.orchestrator.catalog.VnfPkgInfo.Link;
import dev.mano.orchestrator.catalog.VnfPkgInfo.Links;
import dev.mano.orchestrator.catalog.VnfPkgInfo.SoftwareImage;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Builds the API's view of a package (SOL005 VnfPkgInfo) from the stored row and its VNFD. */
@Component
class VnfPkgInfoView {
    static final String BASE = "/vnfpkgm/v1/vnf_packages";
    private final VnfPackageService service;

    VnfPkgInfoView(VnfPackageService service) {
        this.service = service;
    }

    VnfPkgInfo of(VnfPackage p) {
        String self = ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE + "/" + p.id()).toUriString();
        boolean onboarded = p.onboardingState() == OnboardingState.ONBOARDED;
        List<SoftwareImage> images = null;
        List<Artifact> artifacts = null;
        if (onboarded) {
            Vnfd vnfd = service.vnfd(p);
            images = vnfd.vdus().stream().filter(v -> v.swImage().isPresent()).map(v -> {
                var i = v.swImage().get();
                return new SoftwareImage(v.id(), i.name(), vnfd.identity().provider(), i.version(),
                        i.containerFormat(), i.diskFormat(), i.minDiskBytes(), i.imagePath().orElse(null));
            }).toList();
            artifacts = p.artifacts().stream()
                    .map(a -> new Artifact(a.path(), new Checksum(a.algorithm(), a.hash()))).toList();
        }
        return new VnfPkgInfo(p.id(), p.vnfdId().orElse(null), p.vnfProvider(), p.vnfProductName(),
                p.vnfSoftwareVersion(), p.vnfdVersion(),
                p.contentSha256().map(h -> new Checksum("SHA-256", h)).orElse(null),
                images, artifacts, p.onboardingState(), p.operationalState(), p.usageState(),
                service.userDefinedData(p), service.onboardingFailure(p),
                new Links(new Link(self), onboarded ? new Link(self + "/vnfd") : null,
                        onboarded ? new Link(self + "/package_content") : null));
    }
}
