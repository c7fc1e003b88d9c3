package dev.mano.orchestrator.auth;

import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The token signing key, created once per database. Replicas race to insert it; the database
 * keeps the first and everyone reads that one back.
 */
@Component
class TokenSigningKey {
    private final SecretKey key;

    TokenSigningKey(JdbcTemplate jdbc) {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        jdbc.update("INSERT INTO token_signing_key (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING", candidate);
        byte[] secret = jdbc.queryForObject("SELECT secret FROM token_signing_key WHERE id = 1", byte[].class);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    SecretKey key() {
        return key;
    }
}
