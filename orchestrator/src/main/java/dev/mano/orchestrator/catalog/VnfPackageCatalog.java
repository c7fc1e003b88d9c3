package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The catalog as other features use it (NS lifecycle, VNFM): find a deployable VNFD, and mark
 * a package IN_USE while instances made from it exist (which blocks its deletion). These run for
 * every VNF of every NS operation, so they are plain SQL: through JPA each lookup also loaded the
 * package's artifacts, and each usage change re-translated its JPQL update (Hibernate caches no
 * plan for update statements), together about a fifth of an NS instantiation's CPU.
 */
@Service
public class VnfPackageCatalog {
    /** A package that may be instantiated, with its parsed descriptor. */
    public record DeployableVnfd(UUID packageId, Vnfd vnfd) {}

    private final VnfPackageRepository packages;
    private final VnfPackageService service;
    private final JdbcTemplate jdbc;

    VnfPackageCatalog(VnfPackageRepository packages, VnfPackageService service, JdbcTemplate jdbc) {
        this.packages = packages;
        this.service = service;
        this.jdbc = jdbc;
    }

    /** The ONBOARDED and ENABLED package of this vnfdId, if any. */
    public Optional<DeployableVnfd> findByVnfdId(String vnfdId) {
        return deployablePackageId(vnfdId).map(id -> new DeployableVnfd(id, service.vnfd(id)));
    }

    /** Whether an ONBOARDED and ENABLED package has this vnfdId; reads no content. */
    public boolean isDeployable(String vnfdId) {
        return deployablePackageId(vnfdId).isPresent();
    }

    /** The ONBOARDED package of this vnfdId (at most one: a unique index), enabled or not. */
    public Optional<OnboardedPackage> onboarded(String vnfdId) {
        return jdbc.query("""
                SELECT id, operational_state, vnf_provider, vnf_product_name, vnf_software_version, vnfd_version
                  FROM vnf_package WHERE vnfd_id = ? AND onboarding_state = 'ONBOARDED'""",
                (rs, i) -> new OnboardedPackage(rs.getObject("id", UUID.class), vnfdId,
                        OperationalState.ENABLED.name().equals(rs.getString("operational_state")), rs.getString("vnf_provider"),
                        rs.getString("vnf_product_name"), rs.getString("vnf_software_version"), rs.getString("vnfd_version")),
                vnfdId).stream().findFirst();
    }

    /** The parsed VNFD of an ONBOARDED package (cached by package id: a package's content never changes). */
    public Vnfd vnfd(UUID packageId) {
        return service.vnfd(packageId);
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

    /** The id of the ONBOARDED and ENABLED package of this vnfdId, if any. */
    public Optional<UUID> deployablePackageId(String vnfdId) {
        return jdbc.query("SELECT id FROM vnf_package WHERE vnfd_id = ? AND onboarding_state = 'ONBOARDED' AND operational_state = 'ENABLED'",
                (rs, i) -> rs.getObject(1, UUID.class), vnfdId).stream().findFirst();
    }
}
