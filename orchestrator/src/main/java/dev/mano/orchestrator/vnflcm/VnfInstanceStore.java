package dev.mano.orchestrator.vnflcm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** vnf_instance and vnfc rows. */
@Repository
public class VnfInstanceStore {
    private static final TypeReference<Map<String, Integer>> LEVELS = new TypeReference<>() {};
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    VnfInstanceStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The new row as stored (the insert returns it: no second round trip). */
    VnfInstance insert(VnfInstance v) {
        return jdbc.query("""
                INSERT INTO vnf_instance (id, vnf_instance_name, vnf_instance_description, vnfd_id, vnf_pkg_id,
                    vnf_provider, vnf_product_name, vnf_software_version, vnfd_version, instantiation_state, ns_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NOT_INSTANTIATED', ?) RETURNING *""", this::instance,
                v.id(), v.name(), v.description(), v.vnfdId(), v.vnfPkgId(), v.provider(), v.productName(),
                v.softwareVersion(), v.vnfdVersion(), v.nsInstanceId()).getFirst();
    }

    public Optional<VnfInstance> find(UUID id) {
        return jdbc.query("SELECT * FROM vnf_instance WHERE id = ?", this::instance, id).stream().findFirst();
    }

    public List<VnfInstance> list() {
        return jdbc.query("SELECT * FROM vnf_instance ORDER BY created_at", this::instance);
    }

    /** Other live instances made from the package: while there are any it stays IN_USE. */
    long countByPackage(UUID vnfPkgId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM vnf_instance WHERE vnf_pkg_id = ?", Long.class, vnfPkgId);
        return n == null ? 0 : n;
    }

    void markInstantiated(UUID id, String flavourId, String levelId, Map<String, Integer> scaleStatus) {
        jdbc.update("""
                UPDATE vnf_instance SET instantiation_state = 'INSTANTIATED', flavour_id = ?, instantiation_level_id = ?,
                    vnf_state = 'STARTED', scale_status = ?::jsonb WHERE id = ?""",
                flavourId, levelId, json.writeValueAsString(scaleStatus), id);
    }

    void markNotInstantiated(UUID id) {
        jdbc.update("""
                UPDATE vnf_instance SET instantiation_state = 'NOT_INSTANTIATED', flavour_id = NULL,
                    instantiation_level_id = NULL, vnf_state = NULL, scale_status = '{}' WHERE id = ?""", id);
    }

    void setVnfState(UUID id, String vnfState) {
        jdbc.update("UPDATE vnf_instance SET vnf_state = ? WHERE id = ?", vnfState, id);
    }

    void setScaleStatus(UUID id, Map<String, Integer> scaleStatus) {
        jdbc.update("UPDATE vnf_instance SET scale_status = ?::jsonb WHERE id = ?", json.writeValueAsString(scaleStatus), id);
    }

    void delete(UUID id) {
        jdbc.update("DELETE FROM vnf_instance WHERE id = ?", id);
    }

    // --- VNFCs

    void insertVnfc(Vnfc c) {
        jdbc.update("""
                INSERT INTO vnfc (id, vnf_instance_id, vdu_id, placement_id, host_id, domain_name, state, created_by_op)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                c.id(), c.vnfInstanceId(), c.vduId(), c.placementId(), c.hostId(), c.domainName(), c.state(), c.createdByOp());
    }

    public List<Vnfc> vnfcs(UUID vnfInstanceId) {
        return jdbc.query("SELECT * FROM vnfc WHERE vnf_instance_id = ? ORDER BY vdu_id, created_at, domain_name",
                VnfInstanceStore::vnfc, vnfInstanceId);
    }

    public Optional<Vnfc> vnfc(UUID id) {
        return jdbc.query("SELECT * FROM vnfc WHERE id = ?", VnfInstanceStore::vnfc, id).stream().findFirst();
    }

    List<Vnfc> vnfcsCreatedBy(UUID opId) {
        return jdbc.query("SELECT * FROM vnfc WHERE created_by_op = ? ORDER BY created_at", VnfInstanceStore::vnfc, opId);
    }

    /** The VNFCs of the instance's most recent placement: the last step out. */
    List<Vnfc> newestPlacementGroup(UUID vnfInstanceId) {
        return jdbc.query("""
                SELECT * FROM vnfc WHERE placement_id = (
                    SELECT placement_id FROM vnfc WHERE vnf_instance_id = ? ORDER BY created_at DESC LIMIT 1)
                ORDER BY created_at""", VnfInstanceStore::vnfc, vnfInstanceId);
    }

    void setVnfcState(UUID vnfcId, String state) {
        jdbc.update("UPDATE vnfc SET state = ? WHERE id = ?", state, vnfcId);
    }

    void deleteVnfc(UUID vnfcId) {
        jdbc.update("DELETE FROM vnfc WHERE id = ?", vnfcId);
    }

    private VnfInstance instance(ResultSet rs, int row) throws SQLException {
        String ns = rs.getString("ns_instance_id");
        return new VnfInstance(rs.getObject("id", UUID.class), rs.getString("vnf_instance_name"),
                rs.getString("vnf_instance_description"), rs.getString("vnfd_id"), rs.getObject("vnf_pkg_id", UUID.class),
                rs.getString("vnf_provider"), rs.getString("vnf_product_name"), rs.getString("vnf_software_version"),
                rs.getString("vnfd_version"), "INSTANTIATED".equals(rs.getString("instantiation_state")),
                rs.getString("flavour_id"), rs.getString("instantiation_level_id"), rs.getString("vnf_state"),
                json.readValue(rs.getString("scale_status"), LEVELS), ns == null ? null : UUID.fromString(ns),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Vnfc vnfc(ResultSet rs, int row) throws SQLException {
        return new Vnfc(rs.getObject("id", UUID.class), rs.getObject("vnf_instance_id", UUID.class), rs.getString("vdu_id"),
                rs.getObject("placement_id", UUID.class), rs.getObject("host_id", UUID.class), rs.getString("domain_name"),
                rs.getString("state"), rs.getObject("created_by_op", UUID.class));
    }
}
