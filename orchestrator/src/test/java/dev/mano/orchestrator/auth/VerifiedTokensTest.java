package dev.mano.orchestrator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The verified-token memory never accepts what the real decoder would refuse. */
class VerifiedTokensTest {
    private static final SecretKey KEY = new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(), "HmacSHA256");
    private static final SecretKey OTHER = new SecretKeySpec("fedcba9876543210fedcba9876543210".getBytes(), "HmacSHA256");
    private Instant now = Instant.parse("2026-11-27T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final VerifiedTokens tokens = new VerifiedTokens(decoder(), clock);

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainUntilItExpires() {
        String token = token(KEY, now.plus(Duration.ofMinutes(10)));
        var first = tokens.decode(token);
        assertThat(first.getClaimAsStringList("roles")).containsExactly("ROLE_VIEWER");
        assertThat(tokens.decode(token)).isSameAs(first);

        now = now.plus(Duration.ofMinutes(11));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void aForgedTokenIsRefusedEveryTime() {
        String forged = token(OTHER, now.plus(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
    }

    private NimbusJwtDecoder decoder() {
        NimbusJwtDecoder d = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        d.setJwtValidator(expiry);
        return d;
    }

    private String token(SecretKey key, Instant expires) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(TokenIssuer.ISSUER).subject("viewer1")
                .issuedAt(now).expiresAt(expires).claim("roles", List.of("ROLE_VIEWER")).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
