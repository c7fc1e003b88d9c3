package dev.mano.orchestrator.network;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * VLANs of physical networks held by NS chain segments (table chain_vlan). Callers run it inside the
 * transaction that records the NS's links, so the VLANs and the links commit or vanish together.
 */
@Component
public class VlanLedger {
    /** Advisory lock key of VLAN allocation ("manovlan"); placement's commit lock is another key. */
    static final long ALLOCATION_LOCK = 0x6d616e6f766c616eL;
    private final JdbcTemplate jdbc;
    private final NetworkProperties props;

    VlanLedger(JdbcTemplate jdbc, NetworkProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    /**
     * The lowest free VLAN of the range on {@code physicalNetwork}, now held by the NS's segment; the one it
     * already holds when asked again. Empty when the range is used up.
     *
     * <p>Transactions taking VLANs queue on one advisory lock until they commit: without it two NSs each taking
     * two VLANs would each pick the lowest free one, and the first could wait at the primary key for the second's
     * uncommitted row while the second waits for the first's (a deadlock PostgreSQL breaks by failing one NS).
     * The transaction is a few inserts long, so the queue is short; the primary key still decides.
     */
    public Optional<Integer> take(String physicalNetwork, UUID nsInstanceId, int segmentPosition) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", ALLOCATION_LOCK);
        List<Integer> held = jdbc.queryForList("SELECT vlan FROM chain_vlan WHERE ns_instance_id = ? AND segment_position = ? "
                + "AND physical_network = ?", Integer.class, nsInstanceId, segmentPosition, physicalNetwork);
        if (!held.isEmpty()) return Optional.of(held.getFirst());
        while (true) {
            List<Integer> free = jdbc.queryForList("""
                    SELECT v FROM generate_series(?, ?) v
                    WHERE NOT EXISTS (SELECT 1 FROM chain_vlan c WHERE c.physical_network = ? AND c.vlan = v)
                    ORDER BY v LIMIT 1""", Integer.class, props.firstVlan(), props.lastVlan(), physicalNetwork);
            if (free.isEmpty()) return Optional.empty();
            List<Integer> got = jdbc.queryForList("""
                    INSERT INTO chain_vlan (physical_network, vlan, ns_instance_id, segment_position) VALUES (?, ?, ?, ?)
                    ON CONFLICT (physical_network, vlan) DO NOTHING RETURNING vlan""", Integer.class,
                    physicalNetwork, free.getFirst(), nsInstanceId, segmentPosition);
            if (!got.isEmpty()) return Optional.of(got.getFirst());
        }
    }

    /** Gives back every VLAN the NS holds; returns how many. */
    public int release(UUID nsInstanceId) {
        return jdbc.update("DELETE FROM chain_vlan WHERE ns_instance_id = ?", nsInstanceId);
    }

    /** The configured range, for messages: {@code 2000-2999}. */
    public String range() {
        return props.firstVlan() + "-" + props.lastVlan();
    }
}
