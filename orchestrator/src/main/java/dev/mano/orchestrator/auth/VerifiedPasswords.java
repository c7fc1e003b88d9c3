package dev.mano.orchestrator.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a few minutes that a password matched a stored hash, so a script or the CLI
 * sending HTTP Basic on every request pays for one BCrypt check, not one per request (a BCrypt
 * check costs tens of milliseconds of CPU here). It remembers the pair (password, stored hash),
 * never a user: the account is still read on every request, so a deleted user is refused at once,
 * a changed role applies at once, and a changed password is a new stored hash that nothing
 * matches yet. The password itself is not kept, only a keyed hash of it and the stored hash
 * (HMAC-SHA256 with a random key made per process).
 */
final class VerifiedPasswords implements PasswordEncoder {
    static final Duration REMEMBER = Duration.ofMinutes(5);
    static final int CAPACITY = 10_000;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> matched = new ConcurrentHashMap<>();

    VerifiedPasswords(PasswordEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) return encoder.matches(rawPassword, encodedPassword);
        String pair = pair(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = matched.get(pair);
        if (until != null && now.isBefore(until)) return true;
        boolean ok = encoder.matches(rawPassword, encodedPassword);
        if (ok) {
            if (matched.size() >= CAPACITY) matched.clear();
            matched.put(pair, now.plus(REMEMBER));
        } else if (until != null) {
            matched.remove(pair);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private String pair(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
