package dev.mano.orchestrator.nslcm;

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

/** ns_instance, ns_vnf and ns_link rows. */
@Repository
public class NsInstanceStore {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    NsInstanceStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(NsInstance ns, String clientRequestId) {
        jdbc.update("""
                INSERT INTO ns_instance (id, ns_instance_name, ns_instance_description, nsd_info_id, nsd_id, ns_state, client_request_id)
                VALUES (?, ?, ?, ?, ?, 'NOT_INSTANTIATED', ?)""",
                ns.id(), ns.name(), ns.description(), ns.nsdInfoId(), ns.nsdId(), clientRequestId);
    }

    public Optional<NsInstance> find(UUID id) {
        return jdbc.query("SELECT * FROM ns_instance WHERE id = ?", NsInstanceStore::row, id).stream().findFirst();
    }

    Optional<NsInstance> findByClientRequestId(String clientRequestId) {
        return jdbc.query("SELECT * FROM ns_instance WHERE client_request_id = ?", NsInstanceStore::row, clientRequestId)
                .stream().findFirst();
    }

    public List<NsInstance> list() {
        return jdbc.query("SELECT * FROM ns_instance ORDER BY created_at", NsInstanceStore::row);
    }

    void setInstantiated(UUID id, boolean instantiated) {
        jdbc.update("UPDATE ns_instance SET ns_state = ? WHERE id = ?", instantiated ? "INSTANTIATED" : "NOT_INSTANTIATED", id);
    }

    void delete(UUID id) {
        jdbc.update("DELETE FROM ns_instance WHERE id = ?", id);
    }

    public List<NsMember> members(UUID nsId) {
        return jdbc.query("SELECT * FROM ns_vnf WHERE ns_instance_id = ? ORDER BY position",
                (rs, i) -> new NsMember(rs.getInt("position"), rs.getString("member_node"), rs.getObject("vnf_instance_id", UUID.class)),
                nsId);
    }

    void addMember(UUID nsId, NsMember m) {
        jdbc.update("INSERT INTO ns_vnf (ns_instance_id, position, member_node, vnf_instance_id) VALUES (?, ?, ?, ?)",
                nsId, m.position(), m.memberNode(), m.vnfInstanceId());
    }

    void removeMember(UUID nsId, UUID vnfInstanceId) {
        jdbc.update("DELETE FROM ns_vnf WHERE ns_instance_id = ? AND vnf_instance_id = ?", nsId, vnfInstanceId);
    }

    public List<RealisedLink> links(UUID nsId) {
        return jdbc.query("SELECT * FROM ns_link WHERE ns_instance_id = ? ORDER BY position",
                this::link, nsId);
    }

    /** The recorded segments of one path kind, across all NSs. */
    List<RealisedLink> linksOfKind(String pathKind) {
        return jdbc.query("SELECT * FROM ns_link WHERE path_kind = ? ORDER BY ns_instance_id, position",
                this::link, pathKind);
    }

    private RealisedLink link(ResultSet rs, int i) throws SQLException {
        return new RealisedLink(rs.getInt("position"), rs.getString("name"), rs.getString("from_node"),
                rs.getString("to_node"), rs.getString("path_kind"), json.readValue(rs.getString("details"), OBJECT));
    }

    void replaceLinks(UUID nsId, List<RealisedLink> links) {
        jdbc.update("DELETE FROM ns_link WHERE ns_instance_id = ?", nsId);
        for (RealisedLink l : links) {
            jdbc.update("""
                    INSERT INTO ns_link (ns_instance_id, position, name, from_node, to_node, path_kind, details)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""",
                    nsId, l.position(), l.name(), l.from(), l.to(), l.pathKind(), json.writeValueAsString(l.details()));
        }
    }

    private static NsInstance row(ResultSet rs, int i) throws SQLException {
        return new NsInstance(rs.getObject("id", UUID.class), rs.getString("ns_instance_name"),
                rs.getString("ns_instance_description"), rs.getObject("nsd_info_id", UUID.class), rs.getString("nsd_id"),
                "INSTANTIATED".equals(rs.getString("ns_state")), rs.getObject("created_at", OffsetDateTime.class));
    }
}
