package dev.mano.orchestrator.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VnfPackageRepository extends JpaRepository<VnfPackage, UUID> {
    Optional<VnfPackage> findByVnfdIdAndOnboardingState(String vnfdId, OnboardingState state);

    boolean existsByVnfdIdAndOnboardingState(String vnfdId, OnboardingState state);

    long countByContentSha256(String sha256);

    List<VnfPackage> findAllByOrderByCreatedAtAsc();
}
