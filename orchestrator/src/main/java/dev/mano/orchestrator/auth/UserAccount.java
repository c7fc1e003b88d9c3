package dev.mano.orchestrator.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "user_account")
public class UserAccount {
    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    /** Bumped by every change of password or role: bearer tokens carry the version they were issued at. */
    @Column(name = "credentials_version", nullable = false)
    private int credentialsVersion;

    protected UserAccount() {}

    public UserAccount(String username, String passwordHash, Role role) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = OffsetDateTime.now();
    }

    public UUID id() { return id; }
    public String username() { return username; }
    public String passwordHash() { return passwordHash; }
    public Role role() { return role; }
    public int credentialsVersion() { return credentialsVersion; }

    /** A new password: every token issued before it stops working. */
    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        credentialsVersion++;
    }

    /** A new role: every token issued before it (carrying the old role) stops working. */
    public void changeRole(Role newRole) {
        if (newRole == role) return;
        this.role = newRole;
        credentialsVersion++;
    }
}
