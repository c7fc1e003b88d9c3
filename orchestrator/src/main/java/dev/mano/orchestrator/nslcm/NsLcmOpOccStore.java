package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.vnflcm.OperationState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** ns_lcm_op_occ rows; every state move is compare-and-set (see the VNF LCM's LcmOpOccStore). */
@Repository
public class NsLcmOpOccStore {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    NsLcmOpOccStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The new occurrence as stored (one round trip: the insert returns the row). */
    NsLcmOpOcc open(UUID nsId, NsOperation operation, Map<String, Object> params) {
        UUID id = UUID.randomUUID();
        try {
            return jdbc.query("""
                    INSERT INTO ns_lcm_op_occ (id, ns_instance_id, operation, operation_state, state_entered_time, start_time,
                        operation_params, progress_detail)
                    VALUES (?, ?, ?, 'STARTING', now(), now(), ?::jsonb, 'accepted') RETURNING *""",
                    this::row, id, nsId, operation.name(), json.writeValueAsString(params)).getFirst();
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("operation-in-progress", "NS instance " + nsId
                    + " has an unfinished operation; retry, roll back or fail it first");
        }
    }

    public Optional<NsLcmOpOcc> find(UUID id) {
        return jdbc.query("SELECT * FROM ns_lcm_op_occ WHERE id = ?", this::row, id).stream().findFirst();
    }

    public List<NsLcmOpOcc> list(UUID nsId) {
        return nsId == null
                ? jdbc.query("SELECT * FROM ns_lcm_op_occ ORDER BY start_time DESC", this::row)
                : jdbc.query("SELECT * FROM ns_lcm_op_occ WHERE ns_instance_id = ? ORDER BY start_time DESC", this::row, nsId);
    }

    /** {@link #transition} and then the row, in one round trip; empty when someone else moved it first. */
    Optional<NsLcmOpOcc> transitionAndGet(UUID id, OperationState from, OperationState to) {
        return jdbc.query("""
                UPDATE ns_lcm_op_occ SET operation_state = ?, state_entered_time = now(), heartbeat_at = now()
                WHERE id = ? AND operation_state = ? RETURNING *""", this::row, to.name(), id, from.name()).stream().findFirst();
    }

    /** The last step of a completed operation: progress 'completed' and COMPLETED, returning the row it left. */
    Optional<NsLcmOpOcc> complete(UUID id) {
        return jdbc.query("""
                UPDATE ns_lcm_op_occ SET progress_detail = 'completed', operation_state = 'COMPLETED', state_entered_time = now(),
                    heartbeat_at = now() WHERE id = ? AND operation_state = 'PROCESSING' RETURNING *""", this::row, id)
                .stream().findFirst();
    }

    boolean transition(UUID id, OperationState from, OperationState to) {
        return jdbc.update("""
                UPDATE ns_lcm_op_occ SET operation_state = ?, state_entered_time = now(), heartbeat_at = now()
                WHERE id = ? AND operation_state = ?""", to.name(), id, from.name()) == 1;
    }

    boolean fail(UUID id, OperationState from, Map<String, Object> problem) {
        return jdbc.update("""
                UPDATE ns_lcm_op_occ SET operation_state = 'FAILED_TEMP', state_entered_time = now(), error = ?::jsonb
                WHERE id = ? AND operation_state = ?""", json.writeValueAsString(problem), id, from.name()) == 1;
    }

    void clearError(UUID id) {
        jdbc.update("UPDATE ns_lcm_op_occ SET error = NULL WHERE id = ?", id);
    }

    void progress(UUID id, String detail) {
        jdbc.update("UPDATE ns_lcm_op_occ SET progress_detail = ?, heartbeat_at = now() WHERE id = ?", detail, id);
    }

    void heartbeat(UUID id) {
        jdbc.update("UPDATE ns_lcm_op_occ SET heartbeat_at = now() WHERE id = ?", id);
    }

    /** Remembers what this operation committed, so its rollback can give it back even after a crash. */
    void rememberPlacements(UUID id, List<UUID> placements) {
        jdbc.update("UPDATE ns_lcm_op_occ SET operation_params = operation_params || jsonb_build_object('placements', ?::jsonb) WHERE id = ?",
                json.writeValueAsString(placements.stream().map(UUID::toString).toList()), id);
    }

    void addVnfOperation(UUID nsOpId, UUID vnfInstanceId, UUID vnfOpId) {
        jdbc.update("INSERT INTO ns_lcm_op_vnf (ns_op_id, vnf_instance_id, vnf_op_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                nsOpId, vnfInstanceId, vnfOpId);
    }

    /** The VNF operations this NS operation drove, as (vnfInstanceId, vnfOpId). */
    public List<UUID[]> vnfOperations(UUID nsOpId) {
        return jdbc.query("SELECT vnf_instance_id, vnf_op_id FROM ns_lcm_op_vnf WHERE ns_op_id = ?",
                (rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}, nsOpId);
    }

    List<UUID> orphaned(Duration staleAfter) {
        return jdbc.queryForList("""
                SELECT id FROM ns_lcm_op_occ WHERE operation_state IN ('STARTING', 'PROCESSING', 'ROLLING_BACK')
                  AND heartbeat_at < now() - make_interval(secs => ?)""", UUID.class, (double) staleAfter.toMillis() / 1000);
    }

    private NsLcmOpOcc row(ResultSet rs, int i) throws SQLException {
        String error = rs.getString("error");
        return new NsLcmOpOcc(rs.getObject("id", UUID.class), rs.getObject("ns_instance_id", UUID.class),
                NsOperation.valueOf(rs.getString("operation")), OperationState.valueOf(rs.getString("operation_state")),
                rs.getObject("state_entered_time", OffsetDateTime.class), rs.getObject("start_time", OffsetDateTime.class),
                json.readValue(rs.getString("operation_params"), OBJECT), rs.getString("progress_detail"),
                error == null ? null : json.readValue(error, OBJECT));
    }
}
