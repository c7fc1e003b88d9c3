package dev.mano.orchestrator.nslcm;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class SubscriptionStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    SubscriptionStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Subscription s) {
        jdbc.update("INSERT INTO ns_subscription (id, callback_uri, ns_instance_ids, notification_types) VALUES (?, ?, ?::jsonb, ?::jsonb)",
                s.id(), s.callbackUri().toString(), json.writeValueAsString(s.nsInstanceIds().stream().map(UUID::toString).toList()),
                json.writeValueAsString(s.notificationTypes()));
    }

    List<Subscription> all() {
        return jdbc.query("SELECT * FROM ns_subscription ORDER BY created_at", this::row);
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.query("SELECT * FROM ns_subscription WHERE id = ?", this::row, id).stream().findFirst();
    }

    boolean delete(UUID id) {
        return jdbc.update("DELETE FROM ns_subscription WHERE id = ?", id) == 1;
    }

    private Subscription row(ResultSet rs, int i) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), URI.create(rs.getString("callback_uri")),
                json.readValue(rs.getString("ns_instance_ids"), STRINGS).stream().map(UUID::fromString).toList(),
                json.readValue(rs.getString("notification_types"), STRINGS));
    }
}
