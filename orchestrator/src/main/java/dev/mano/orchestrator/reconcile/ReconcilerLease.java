package dev.mano.orchestrator.reconcile;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At most one replica reconciles at a time: a lease row taken with one conditional UPDATE. A replica
 * that dies mid-pass holds it only until it expires.
 */
@Component
class ReconcilerLease {
    private final JdbcTemplate jdbc;
    private final String holder = "replica-" + UUID.randomUUID();

    ReconcilerLease(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean acquire(Duration ttl) {
        return jdbc.update("""
                UPDATE reconciler_lease SET holder = ?, expires_at = now() + make_interval(secs => ?)
                WHERE name = 'reconciler' AND (expires_at < now() OR holder = ?)""",
                holder, (double) ttl.toSeconds(), holder) == 1;
    }

    void release() {
        jdbc.update("UPDATE reconciler_lease SET expires_at = '-infinity' WHERE name = 'reconciler' AND holder = ?", holder);
    }
}
