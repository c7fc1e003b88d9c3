package dev.mano.orchestrator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Remembered matches give the answers BCrypt gives, and spare the BCrypt check only for a pair it already accepted. */
class VerifiedPasswordsTest {
    private Instant now = Instant.parse("2026-11-27T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final AtomicInteger checks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override public String encode(CharSequence raw) { return bcrypt.encode(raw); }
        @Override public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final VerifiedPasswords passwords = new VerifiedPasswords(counted, clock);

    @Test
    void aMatchIsCheckedOnceWhileRemembered() {
        String hash = passwords.encode("right-password");
        assertThat(passwords.matches("right-password", hash)).isTrue();
        assertThat(passwords.matches("right-password", hash)).isTrue();
        assertThat(checks).hasValue(1);

        now = now.plus(VerifiedPasswords.REMEMBER).plus(Duration.ofSeconds(1));
        assertThat(passwords.matches("right-password", hash)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordOrANewHashIsAlwaysChecked() {
        String hash = passwords.encode("right-password");
        assertThat(passwords.matches("right-password", hash)).isTrue();
        assertThat(passwords.matches("wrong-password", hash)).isFalse();
        assertThat(passwords.matches("wrong-password", hash)).isFalse();

        String changed = passwords.encode("new-password");
        assertThat(passwords.matches("right-password", changed)).isFalse();
        assertThat(passwords.matches("new-password", changed)).isTrue();
        assertThat(checks).hasValue(5);
    }
}
