package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.ApiProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * vnf_lcm_op_occ rows. State changes are compare-and-set on the current state, so two replicas
 * (or a sweeper and a worker) never both move one operation.
 */
@Repository
public class LcmOpOccStore {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    /** Callers waiting for an operation to come to rest on this replica; see {@link #whenResting}. */
    private final Map<UUID, Set<CompletableFuture<Void>>> resting = new ConcurrentHashMap<>();

    LcmOpOccStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Opens an operation; 409 when the VNF already has an open one (the partial unique index decides). */
    LcmOpOcc open(UUID vnfInstanceId, LcmOperation operation, Map<String, Object> params, boolean automatic) {
        UUID id = UUID.randomUUID();
        try {
            return jdbc.query("""
                    INSERT INTO vnf_lcm_op_occ (id, vnf_instance_id, operation, operation_state, state_entered_time,
                        start_time, is_automatic_invocation, operation_params, progress_detail)
                    VALUES (?, ?, ?, 'STARTING', now(), now(), ?, ?::jsonb, 'accepted') RETURNING *""",
                    this::row, id, vnfInstanceId, operation.name(), automatic, json.writeValueAsString(params)).getFirst();
        } catch (DuplicateKeyException e) {
            UUID open = jdbc.queryForObject("""
                    SELECT id FROM vnf_lcm_op_occ WHERE vnf_instance_id = ?
                      AND operation_state IN ('STARTING', 'PROCESSING', 'FAILED_TEMP', 'ROLLING_BACK')""", UUID.class, vnfInstanceId);
            throw ApiProblem.conflict("operation-in-progress", "VNF instance " + vnfInstanceId
                    + " has an unfinished operation " + open + "; retry, roll back or fail it first").with("vnfLcmOpOccId", open);
        }
    }

    public Optional<LcmOpOcc> find(UUID id) {
        return jdbc.query("SELECT * FROM vnf_lcm_op_occ WHERE id = ?", this::row, id).stream().findFirst();
    }

    public List<LcmOpOcc> list(UUID vnfInstanceId) {
        return vnfInstanceId == null
                ? jdbc.query("SELECT * FROM vnf_lcm_op_occ ORDER BY start_time DESC", this::row)
                : jdbc.query("SELECT * FROM vnf_lcm_op_occ WHERE vnf_instance_id = ? ORDER BY start_time DESC", this::row, vnfInstanceId);
    }

    /** {@link #transition} and then the row, in one round trip; empty when someone else moved it first. */
    Optional<LcmOpOcc> transitionAndGet(UUID id, OperationState from, OperationState to) {
        Optional<LcmOpOcc> moved = jdbc.query("""
                UPDATE vnf_lcm_op_occ SET operation_state = ?, state_entered_time = now(), heartbeat_at = now()
                WHERE id = ? AND operation_state = ? RETURNING *""", this::row, to.name(), id, from.name()).stream().findFirst();
        if (moved.isPresent() && !to.running()) rested(id);
        return moved;
    }

    /** The last step of a completed operation: progress 100 'completed' and COMPLETED; false when someone else moved it. */
    boolean complete(UUID id) {
        boolean moved = jdbc.update("""
                UPDATE vnf_lcm_op_occ SET progress = 100, progress_detail = 'completed', operation_state = 'COMPLETED',
                    state_entered_time = now(), heartbeat_at = now() WHERE id = ? AND operation_state = 'PROCESSING'""", id) == 1;
        if (moved) rested(id);
        return moved;
    }

    /** Moves {@code id} from {@code from} to {@code to}; false when someone else moved it first. */
    boolean transition(UUID id, OperationState from, OperationState to) {
        boolean moved = jdbc.update("""
                UPDATE vnf_lcm_op_occ SET operation_state = ?, state_entered_time = now(), heartbeat_at = now()
                WHERE id = ? AND operation_state = ?""", to.name(), id, from.name()) == 1;
        if (moved && !to.running()) rested(id);
        return moved;
    }

    void fail(UUID id, OperationState from, OperationState to, Map<String, Object> problem) {
        int moved = jdbc.update("""
                UPDATE vnf_lcm_op_occ SET operation_state = ?, state_entered_time = now(), error = ?::jsonb
                WHERE id = ? AND operation_state = ?""", to.name(), json.writeValueAsString(problem), id, from.name());
        if (moved == 1 && !to.running()) rested(id);
    }

    /**
     * A signal instead of polling: completes as soon as this replica writes a resting state of
     * {@code id} (COMPLETED, FAILED_TEMP, ROLLED_BACK, FAILED). Only a hint to read the row again,
     * which stays the truth: an operation another replica runs, or one whose state was written
     * inside a transaction not yet committed, never signals here, so a caller also re-reads on a
     * timeout. Ask before reading the row, so a change between the read and the wait is not missed;
     * hand the future back to {@link #stopWaiting} when done.
     */
    public CompletableFuture<Void> whenResting(UUID id) {
        CompletableFuture<Void> signal = new CompletableFuture<>();
        resting.compute(id, (k, waiting) -> {
            Set<CompletableFuture<Void>> set = waiting == null ? ConcurrentHashMap.newKeySet() : waiting;
            set.add(signal);
            return set;
        });
        return signal;
    }

    public void stopWaiting(UUID id, CompletableFuture<Void> signal) {
        resting.computeIfPresent(id, (k, waiting) -> {
            waiting.remove(signal);
            return waiting.isEmpty() ? null : waiting;
        });
    }

    private void rested(UUID id) {
        Set<CompletableFuture<Void>> waiting = resting.remove(id);
        if (waiting != null) waiting.forEach(f -> f.complete(null));
    }

    void clearError(UUID id) {
        jdbc.update("UPDATE vnf_lcm_op_occ SET error = NULL WHERE id = ?", id);
    }

    void progress(UUID id, int percent, String detail) {
        jdbc.update("UPDATE vnf_lcm_op_occ SET progress = ?, progress_detail = ?, heartbeat_at = now() WHERE id = ?",
                percent, detail, id);
    }

    void heartbeat(UUID id) {
        jdbc.update("UPDATE vnf_lcm_op_occ SET heartbeat_at = now() WHERE id = ?", id);
    }

    /** Running operations whose replica stopped proving it is alive: they go to FAILED_TEMP. */
    List<UUID> orphaned(Duration staleAfter) {
        return jdbc.queryForList("""
                SELECT id FROM vnf_lcm_op_occ WHERE operation_state IN ('STARTING', 'PROCESSING', 'ROLLING_BACK')
                  AND heartbeat_at < now() - make_interval(secs => ?)""", UUID.class, (double) staleAfter.toMillis() / 1000);
    }

    private LcmOpOcc row(ResultSet rs, int i) throws SQLException {
        String error = rs.getString("error");
        return new LcmOpOcc(rs.getObject("id", UUID.class), rs.getObject("vnf_instance_id", UUID.class),
                LcmOperation.valueOf(rs.getString("operation")), OperationState.valueOf(rs.getString("operation_state")),
                rs.getObject("state_entered_time", OffsetDateTime.class), rs.getObject("start_time", OffsetDateTime.class),
                rs.getBoolean("is_automatic_invocation"), json.readValue(rs.getString("operation_params"), OBJECT),
                rs.getInt("progress"), rs.getString("progress_detail"), error == null ? null : json.readValue(error, OBJECT));
    }
}
