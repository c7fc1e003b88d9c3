package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.OnboardingState;
import dev.mano.orchestrator.catalog.OperationalState;
import dev.mano.orchestrator.catalog.VnfPackage;
import dev.mano.orchestrator.catalog.VnfPackageRepository;
import dev.mano.orchestrator.catalog.VnfPackageService;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The catalog as the VNFM needs it: the package a new instance comes from, and its VNFD. */
@Component
class PackageLookup {
    private final VnfPackageRepository packages;
    private final VnfPackageService service;

    PackageLookup(VnfPackageRepository packages, VnfPackageService service) {
        this.packages = packages;
        this.service = service;
    }

    /** The onboarded, enabled package of {@code vnfdId}; 422 naming the field otherwise. */
    VnfPackage enabledPackage(String vnfdId) {
        VnfPackage p = packages.findByVnfdIdAndOnboardingState(vnfdId, OnboardingState.ONBOARDED)
                .orElseThrow(() -> new ApiProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "unknown-vnfd",
                        "Unknown VNFD", "no onboarded VNF package has vnfdId " + vnfdId).with("field", "vnfdId"));
        if (p.operationalState() != OperationalState.ENABLED) {
            throw ApiProblem.conflict("package-disabled", "the VNF package " + p.id() + " of vnfdId " + vnfdId
                    + " is DISABLED; enable it first").with("vnfPkgId", p.id());
        }
        return p;
    }

    Vnfd vnfd(UUID vnfPkgId) {
        return service.vnfd(service.get(vnfPkgId));
    }
}
