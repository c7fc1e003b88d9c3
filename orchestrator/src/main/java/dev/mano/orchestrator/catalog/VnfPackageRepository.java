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
}
