package dev.mano.orchestrator.reconcile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every reconciler action goes to the log and to the reconciler_action table. */
@Component
class ReconcileLog {
    private static final Logger log = LoggerFactory.getLogger(ReconcileLog.class);
    private final JdbcTemplate jdbc;

    ReconcileLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ReconcileAction record(UUID hostId, String hostName, ReconcileAction.Kind kind, String subject, String detail) {
        log.info("Reconciler: {} {} on {}: {}", kind, subject, hostName, detail);
        return jdbc.queryForObject("""
                INSERT INTO reconciler_action (host_id, host_name, kind, subject, detail) VALUES (?, ?, ?, ?, ?)
                RETURNING id, at""", (rs, i) -> new ReconcileAction(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                hostId, hostName, kind, subject, detail), hostId, hostName, kind.name(), subject, detail);
    }

    List<ReconcileAction> latest(int limit) {
        return jdbc.query("SELECT id, at, host_id, host_name, kind, subject, detail FROM reconciler_action ORDER BY id DESC LIMIT ?",
                (rs, i) -> new ReconcileAction(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, UUID.class), rs.getString(4), ReconcileAction.Kind.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7)), limit);
    }
}
