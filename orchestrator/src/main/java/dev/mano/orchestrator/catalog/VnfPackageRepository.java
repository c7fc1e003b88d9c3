package dev.mano.orchestrator.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.time.OffsetDateTime;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VnfPackageRepository extends JpaRepository<VnfPackage, UUID> {
    Optional<VnfPackage> findByVnfdIdAndOnboardingState(String vnfdId, OnboardingState state);

    boolean existsByVnfdIdAndOnboardingState(String vnfdId, OnboardingState state);

    long countByContentSha256(String sha256);

    List<VnfPackage> findAllByOrderByCreatedAtAsc();

    @Modifying
    @Query("update VnfPackage p set p.onboardingState = dev.mano.orchestrator.catalog.OnboardingState.CREATED, p.updatedAt = :now,"
            + " p.rowVersion = p.rowVersion + 1 where p.onboardingState = dev.mano.orchestrator.catalog.OnboardingState.UPLOADING and p.updatedAt < :before")
    int releaseStaleUploads(@Param("before") OffsetDateTime before, @Param("now") OffsetDateTime now);

    @Modifying
    @Query("update VnfPackage p set p.onboardingState = dev.mano.orchestrator.catalog.OnboardingState.ERROR, p.onboardingFailure = :failure,"
            + " p.updatedAt = :now, p.rowVersion = p.rowVersion + 1"
            + " where p.onboardingState = dev.mano.orchestrator.catalog.OnboardingState.PROCESSING and p.updatedAt < :before")
    int failStaleProcessing(@Param("before") OffsetDateTime before, @Param("now") OffsetDateTime now,
                            @Param("failure") String failure);

    /**
     * Sets the usage state without an optimistic check (instantiations of one package may run
     * concurrently) but bumps the version, so a concurrent disable or delete does fail. IN_USE is
     * only set on an ONBOARDED, ENABLED package.
     */
    @Modifying(flushAutomatically = true)
    @Query("update VnfPackage p set p.usageState = :usage, p.updatedAt = :now, p.rowVersion = p.rowVersion + 1"
            + " where p.id = :id and p.usageState <> :usage"
            + " and (:usage = dev.mano.orchestrator.catalog.UsageState.NOT_IN_USE"
            + " or (p.onboardingState = dev.mano.orchestrator.catalog.OnboardingState.ONBOARDED"
            + " and p.operationalState = dev.mano.orchestrator.catalog.OperationalState.ENABLED))")
    int changeUsage(@Param("id") UUID id, @Param("usage") UsageState usage, @Param("now") OffsetDateTime now);
}
