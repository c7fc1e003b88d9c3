package dev.mano.orchestrator.reconcile;

import dev.mano.orchestrator.hosts.VimProperties;
import dev.mano.orchestrator.placement.PlacementService;
import dev.mano.orchestrator.vnflcm.LibvirtHosts;
import dev.mano.vim.VimException;
import dev.mano.vim.lifecycle.DomainLifecycle;
import dev.mano.vim.lifecycle.OurDomain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Compares what libvirt runs with what the database says, and repairs the difference:
 * <ul>
 * <li>a domain with our metadata and no VNFC row is removed (destroyed, undefined) once it has been
 *     an orphan for {@code mano.vim.orphan-domain-grace};</li>
 * <li>a VNFC that should have a domain (DEFINED, RUNNING, STOPPED) but whose host has none is marked
 *     FAILED, for the VNFM to heal;</li>
 * <li>a placement no VNFC row refers to, older than {@code mano.vim.orphan-placement-grace}, is
 *     released.</li>
 * </ul>
 * Domains without our metadata are never touched. An unreachable host is skipped, not judged.
 */
@Service
public class Reconciler {
    private static final Set<String> SHOULD_HAVE_DOMAIN = Set.of("DEFINED", "RUNNING", "STOPPED");

    private final JdbcTemplate jdbc;
    private final LibvirtHosts libvirt;
    private final PlacementService placements;
    private final ReconcileLog actions;
    private final ReconcilerLease lease;
    private final VimProperties props;

    public Reconciler(JdbcTemplate jdbc, LibvirtHosts libvirt, PlacementService placements, ReconcileLog actions,
                      ReconcilerLease lease, VimProperties props) {
        this.jdbc = jdbc;
        this.libvirt = libvirt;
        this.placements = placements;
        this.actions = actions;
        this.lease = lease;
        this.props = props;
    }

    private record Host(UUID id, String name, String uri) {}

    private record VnfcRow(UUID id, String domainName, String state) {}

    /** One pass and what it did; empty when another replica (or another pass here) holds the lease. */
    public java.util.Optional<List<ReconcileAction>> reconcileOnce() {
        if (!lease.acquire(props.reconcileInterval().plus(Duration.ofMinutes(5)))) {
            return java.util.Optional.empty();
        }
        try {
            List<ReconcileAction> done = new ArrayList<>();
            Set<String> knownVnfcs = new HashSet<>(jdbc.queryForList("SELECT id::text FROM vnfc", String.class));
            List<Host> hosts = jdbc.query("SELECT id, name, libvirt_uri FROM vim_host WHERE state = 'READY' ORDER BY name",
                    (rs, i) -> new Host(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
            for (Host h : hosts) {
                reconcileHost(h, knownVnfcs, done);
            }
            releaseOrphanPlacements(done);
            return java.util.Optional.of(done);
        } finally {
            lease.release();
        }
    }

    private void reconcileHost(Host h, Set<String> knownVnfcs, List<ReconcileAction> done) {
        DomainLifecycle domains;
        List<OurDomain> ours;
        try {
            domains = libvirt.lifecycle(h.uri());
            ours = domains.listOurs();
        } catch (VimException e) {
            done.add(actions.record(h.id(), h.name(), ReconcileAction.Kind.HOST_SKIPPED, h.uri(), e.getMessage()));
            return;
        }
        Set<String> present = new HashSet<>();
        for (OurDomain d : ours) {
            present.add(d.name());
            String vnfc = d.metadata().vnfcId();
            if (knownVnfcs.contains(vnfc)) {
                jdbc.update("DELETE FROM reconciler_orphan_domain WHERE host_id = ? AND domain_name = ?", h.id(), d.name());
                continue;
            }
            orphanDomain(h, domains, d, done);
        }
        jdbc.update("DELETE FROM reconciler_orphan_domain WHERE host_id = ? AND domain_name <> ALL (?::text[])",
                h.id(), "{" + present.stream().map(n -> "\"" + n.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining(",")) + "}");

        Map<String, String> domainOfVnfc = ours.stream()
                .collect(Collectors.toMap(d -> d.metadata().vnfcId(), OurDomain::name, (a, b) -> a));
        List<VnfcRow> rows = jdbc.query("SELECT id, domain_name, state FROM vnfc WHERE host_id = ?",
                (rs, i) -> new VnfcRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)), h.id());
        for (VnfcRow v : rows) {
            if (SHOULD_HAVE_DOMAIN.contains(v.state()) && !domainOfVnfc.containsKey(v.id().toString())) {
                // only if nobody changed the row meanwhile (an operation may be defining it right now)
                int n = jdbc.update("UPDATE vnfc SET state = 'FAILED' WHERE id = ? AND state = ?", v.id(), v.state());
                if (n == 1) {
                    done.add(actions.record(h.id(), h.name(), ReconcileAction.Kind.VNFC_DOMAIN_MISSING, v.id().toString(),
                            "domain " + v.domainName() + " is gone from the host; VNFC was " + v.state() + ", now FAILED"));
                }
            }
        }
    }

    private void orphanDomain(Host h, DomainLifecycle domains, OurDomain d, List<ReconcileAction> done) {
        int inserted = jdbc.update("""
                INSERT INTO reconciler_orphan_domain (host_id, domain_name, vnfc_id) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", h.id(), d.name(), d.metadata().vnfcId());
        if (inserted == 1) {
            done.add(actions.record(h.id(), h.name(), ReconcileAction.Kind.ORPHAN_DOMAIN_SEEN, d.name(),
                    "carries VNFC " + d.metadata().vnfcId() + " which does not exist; removed after "
                            + props.orphanDomainGrace() + " unless it appears"));
            return;
        }
        Boolean expired = jdbc.queryForObject("""
                SELECT first_seen < now() - make_interval(secs => ?) FROM reconciler_orphan_domain
                WHERE host_id = ? AND domain_name = ?""", Boolean.class,
                (double) props.orphanDomainGrace().toSeconds(), h.id(), d.name());
        if (!Boolean.TRUE.equals(expired)) {
            return;
        }
        try {
            if (d.state().active()) {
                domains.destroy(d.name());
            }
            domains.undefine(d.name());
            jdbc.update("DELETE FROM reconciler_orphan_domain WHERE host_id = ? AND domain_name = ?", h.id(), d.name());
            done.add(actions.record(h.id(), h.name(), ReconcileAction.Kind.ORPHAN_DOMAIN_REMOVED, d.name(),
                    "destroyed and undefined: VNFC " + d.metadata().vnfcId() + " never appeared"));
        } catch (VimException | IllegalStateException e) {
            done.add(actions.record(h.id(), h.name(), ReconcileAction.Kind.HOST_SKIPPED, d.name(),
                    "could not remove the orphan domain: " + e.getMessage()));
        }
    }

    private void releaseOrphanPlacements(List<ReconcileAction> done) {
        List<UUID> orphans = jdbc.queryForList("""
                SELECT p.id FROM placement p
                WHERE p.created_at < now() - make_interval(secs => ?)
                AND NOT EXISTS (SELECT 1 FROM vnfc v WHERE v.placement_id = p.id)""", UUID.class,
                (double) props.orphanPlacementGrace().toSeconds());
        for (UUID id : orphans) {
            if (placements.release(id)) {
                done.add(actions.record(null, null, ReconcileAction.Kind.ORPHAN_PLACEMENT_RELEASED, id.toString(),
                        "no VNFC refers to it after " + props.orphanPlacementGrace() + "; its CPUs, pages and VFs are free"));
            }
        }
    }
}
