package dev.mano.orchestrator.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs short-lived bearer tokens that carry the user's role, the account's id and its credentials
 * version: AccountBoundTokens refuses the token once the account is gone or that version moved on.
 */
@Component
class TokenIssuer {
    static final Duration LIFETIME = Duration.ofHours(1);
    static final String ISSUER = "mano";
    static final String ACCOUNT_ID = "account_id";
    static final String CREDENTIALS_VERSION = "credentials_version";
    private final JwtEncoder encoder;

    TokenIssuer(TokenSigningKey signingKey) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(signingKey.key()));
    }

    IssuedToken issue(UserAccount account) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(account.username())
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim("roles", List.of(account.role().authorities()))
                .claim(ACCOUNT_ID, account.id().toString())
                .claim(CREDENTIALS_VERSION, account.credentialsVersion())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, LIFETIME.toSeconds(), account.role());
    }

    record IssuedToken(String value, long expiresInSeconds, Role role) {}
}
