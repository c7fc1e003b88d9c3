package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The catalog as other features use it (NS lifecycle, VNFM): find a deployable VNFD, and mark
 * a package IN_USE while instances made from it exist (which blocks its deletion).
 */
@Service
public class VnfPackageCatalog {
    /** A package that may be instantiated, with its parsed descriptor. */
    public record DeployableVnfd(UUID packageId, Vnfd vnfd) {}

    private final VnfPackageRepository packages;
    private final VnfPackageService service;

    VnfPackageCatalog(VnfPackageRepository packages, VnfPackageService service) {
        this.packages = packages;
        this.service = service;
    }

    /** The ONBOARDED and ENABLED package of this vnfdId, if any. */
    public Optional<DeployableVnfd> findByVnfdId(String vnfdId) {
        return packages.findByVnfdIdAndOnboardingState(vnfdId, OnboardingState.ONBOARDED)
                .filter(p -> p.operationalState() == OperationalState.ENABLED)
                .map(p -> new DeployableVnfd(p.id(), service.vnfd(p)));
    }

    /** Whether an ONBOARDED and ENABLED package has this vnfdId; reads no content. */
    public boolean isDeployable(String vnfdId) {
        return packages.findByVnfdIdAndOnboardingState(vnfdId, OnboardingState.ONBOARDED)
                .filter(p -> p.operationalState() == OperationalState.ENABLED).isPresent();
    }

    /** The package if it is ONBOARDED and ENABLED. */
    public Optional<DeployableVnfd> findByPackageId(UUID packageId) {
        return packages.findById(packageId)
                .filter(p -> p.onboardingState() == OnboardingState.ONBOARDED
                        && p.operationalState() == OperationalState.ENABLED)
                .map(p -> new DeployableVnfd(p.id(), service.vnfd(p)));
    }

    /** Requires the package to be ONBOARDED and ENABLED (409 otherwise). */
    public void markInUse(UUID packageId) {
        service.changeUsage(packageId, UsageState.IN_USE);
    }

    public void markNotInUse(UUID packageId) {
        service.changeUsage(packageId, UsageState.NOT_IN_USE);
    }
}
