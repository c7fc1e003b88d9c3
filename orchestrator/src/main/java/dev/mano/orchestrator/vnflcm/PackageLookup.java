package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.OnboardedPackage;
import dev.mano.orchestrator.catalog.VnfPackageCatalog;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The catalog as the VNFM needs it: the package a new instance comes from, and its VNFD. */
@Component
class PackageLookup {
    private final VnfPackageCatalog catalog;

    PackageLookup(VnfPackageCatalog catalog) {
        this.catalog = catalog;
    }

    /** The onboarded, enabled package of {@code vnfdId}; 422 naming the field otherwise. */
    OnboardedPackage enabledPackage(String vnfdId) {
        OnboardedPackage p = catalog.onboarded(vnfdId)
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-vnfd",
                        "Unknown VNFD", "no onboarded VNF package has vnfdId " + vnfdId).with("field", "vnfdId"));
        if (!p.enabled()) {
            throw ApiProblem.conflict("package-disabled", "the VNF package " + p.id() + " of vnfdId " + vnfdId
                    + " is DISABLED; enable it first").with("vnfPkgId", p.id());
        }
        return p;
    }

    /** The VNFD of an instance's package (parsed once per package: its content never changes). */
    Vnfd vnfd(UUID vnfPkgId) {
        return catalog.vnfd(vnfPkgId);
    }
}
