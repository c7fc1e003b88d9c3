package dev.mano.orchestrator.catalog;

import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises "move a file to its content address and commit the row that uses it" against
 * "no row uses this content any more, delete the file", across threads and replicas: a
 * PostgreSQL transaction-scoped advisory lock keyed by the content hash.
 */
@Component
class ContentLock {
    private final JdbcTemplate jdbc;

    ContentLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the surrounding transaction ends; must be called inside one. */
    void lock(String sha256) {
        long key = HexFormat.fromHexDigitsToLong(sha256, 0, 16); // 64 bits of the hash: collisions only over-serialise
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, key);
    }
}
