package dev.mano.orchestrator.auth;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {
    Optional<UserAccount> findByUsername(String username);

    /**
     * The account with its row locked until the transaction ends, so two concurrent changes each
     * bump the credentials version (neither overwrites the other's bump with the same number).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from UserAccount a where a.username = :username")
    Optional<UserAccount> lockByUsername(String username);
}
