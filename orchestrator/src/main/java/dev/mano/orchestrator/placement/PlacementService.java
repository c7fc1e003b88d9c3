package dev.mano.orchestrator.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places a chain of VNFCs and commits all their resources in one transaction, or none. The Java
 * entry point the VNFM uses; {@code PlacementController} is its REST face.
 *
 * <p>Concurrency across orchestrator replicas, without a JVM lock held over I/O: the first attempt
 * plans on this replica's {@link LiveCapacity} (in-memory, where the plans of this replica's other
 * requests are already taken, so they do not collide) and commits under a shared advisory lock; the
 * schema's constraints reject it if another replica was faster. The one retry takes the same
 * advisory lock exclusively and reads its snapshot inside that transaction, so no optimistic commit
 * can slip in between its snapshot and its commit: a request that fits is never turned away because
 * of a race, and requests that do not fit are told why. A rejection on the live copy is confirmed
 * on a fresh read first, since the copy may miss capacity released elsewhere.
 */
@Service
public class PlacementService {
    private static final Logger log = LoggerFactory.getLogger(PlacementService.class);
    /** pg advisory lock key of placement commits ("mano.pl" in ASCII). */
    static final long COMMIT_LOCK = 0x6d616e6f2e706cL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final CapacitySnapshotReader snapshots;
    private final LedgerWriter ledger;
    private final Planner planner = new Planner();
    private final LiveCapacity live;

    public PlacementService(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.snapshots = new CapacitySnapshotReader(jdbc);
        this.ledger = new LedgerWriter(jdbc);
        this.live = new LiveCapacity(jdbc, snapshots);
    }

    /** Bad input: what is wrong with the request, one line per problem; empty when it is well formed. */
    public static List<String> validate(PlacementRequest request) {
        List<String> errors = new ArrayList<>();
        if (request.chain().isEmpty()) {
            errors.add("chain: at least one VNFC is needed");
        }
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        for (int i = 0; i < request.chain().size(); i++) {
            VnfcNeeds n = request.chain().get(i);
            String at = "chain[" + i + "]";
            if (!ids.add(n.vnfcId())) {
                errors.add(at + ".vnfcId: appears twice in the request");
            }
            if (n.vcpus() < 1) {
                errors.add(at + ".vcpus: must be at least 1");
            }
            if (n.pmdCores() < 0 || n.pmdCores() > n.vcpus()) {
                errors.add(at + ".pmdCores: must be between 0 and vcpus (" + n.vcpus() + ")");
            }
            if (n.memoryMib() < 1) {
                errors.add(at + ".memoryMib: must be at least 1");
            }
            if (n.hugepageSizeKib() < 2048 || Long.bitCount(n.hugepageSizeKib()) != 1) {
                errors.add(at + ".hugepageSizeKib: a hugepage size in KiB, e.g. 2048 or 1048576");
            }
            if (n.guestNumaNodes() < 1 || n.guestNumaNodes() > 8) {
                errors.add(at + ".guestNumaNodes: must be between 1 and 8");
            }
            if (n.vhostUserPorts() < 0) {
                errors.add(at + ".vhostUserPorts: must not be negative");
            }
            n.vfsPerNetwork().forEach((net, count) -> {
                if (net == null || net.isBlank() || count == null || count < 0) {
                    errors.add(at + ".vfsPerNetwork: physical network names with VF counts >= 0");
                }
            });
        }
        return errors;
    }

    /** Plans and commits; a rejection has allocated nothing. Assumes {@link #validate} found nothing. */
    public PlanOutcome place(PlacementRequest request) {
        UUID id = UUID.randomUUID();
        PlanOutcome first = planLive(request, id);
        if (!(first instanceof PlanOutcome.Planned planned) || commitOptimistically(planned.plan())) {
            return first;
        }
        live.invalidate();
        // Lost a race. Plan again on committed data (no lock): if it no longer fits, that is a real
        // no-fit, since a snapshot never counts uncommitted allocations. Only when it still fits do
        // we serialize, so a burst of losers does not queue on the exclusive lock.
        PlanOutcome second = planner.plan(snapshots.read(), request, id);
        if (!(second instanceof PlanOutcome.Planned)) {
            return second;
        }
        return tx.execute(s -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", COMMIT_LOCK);
            PlanOutcome again = planner.plan(snapshots.read(), request, id);
            if (again instanceof PlanOutcome.Planned p) {
                ledger.write(p.plan(), json.writeValueAsString(p.plan()));
            }
            return again;
        });
    }

    /**
     * Plans on the live copy; a rejection there is planned again on a fresh read (the copy may be
     * behind on capacity another replica released), and when that fits the copy is dropped.
     */
    private PlanOutcome planLive(PlacementRequest request, UUID id) {
        PlanOutcome outcome = live.plan(planner, request, id);
        if (outcome instanceof PlanOutcome.Planned) {
            return outcome;
        }
        PlanOutcome fresh = planner.plan(snapshots.read(), request, id);
        if (fresh instanceof PlanOutcome.Planned) {
            live.invalidate();
        }
        return fresh;
    }

    private boolean commitOptimistically(PlacementPlan plan) {
        try {
            tx.executeWithoutResult(s -> {
                jdbc.queryForList("SELECT pg_advisory_xact_lock_shared(?)", COMMIT_LOCK);
                ledger.write(plan, json.writeValueAsString(plan));
            });
            return true;
        } catch (LostRace | DataIntegrityViolationException | PessimisticLockingFailureException e) {
            log.debug("Placement {} lost a race: {}", plan.id(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            live.invalidate(); // the plan's resources are taken in the live copy but not in the ledger
            throw e;
        }
    }

    /** What {@link #placeInParts} decided: the committed parts, or why nothing fits. */
    public sealed interface PartsOutcome {
        record Committed(PlacementPlan whole, List<PlacementPlan> parts) implements PartsOutcome {}

        record Rejected(PlanOutcome.Rejected rejection) implements PartsOutcome {}
    }

    /**
     * Plans the request as one (so a chain's neighbours stay together) and commits it as several
     * placements, one per part {@code split} makes of the plan, all in one transaction: each part
     * can later be released on its own (a VNF of a chain terminating). Same race handling as
     * {@link #place}.
     */
    public PartsOutcome placeInParts(PlacementRequest request, java.util.function.Function<PlacementPlan, List<PlacementPlan>> split) {
        UUID id = UUID.randomUUID();
        PlanOutcome first = planLive(request, id);
        if (first instanceof PlanOutcome.Rejected r) {
            return new PartsOutcome.Rejected(r);
        }
        PlacementPlan whole = ((PlanOutcome.Planned) first).plan();
        List<PlacementPlan> parts = split.apply(whole);
        try {
            tx.executeWithoutResult(s -> {
                jdbc.queryForList("SELECT pg_advisory_xact_lock_shared(?)", COMMIT_LOCK);
                parts.forEach(p -> ledger.write(p, json.writeValueAsString(p)));
            });
            return new PartsOutcome.Committed(whole, parts);
        } catch (LostRace | DataIntegrityViolationException | PessimisticLockingFailureException e) {
            log.debug("Placement {} in parts lost a race ({}); planning again under the exclusive commit lock", id, e.getMessage());
            live.invalidate();
        } catch (RuntimeException e) {
            live.invalidate(); // the plan's resources are taken in the live copy but not in the ledger
            throw e;
        }
        return tx.execute(s -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", COMMIT_LOCK);
            PlanOutcome again = planner.plan(snapshots.read(), request, id);
            if (again instanceof PlanOutcome.Rejected r) {
                return new PartsOutcome.Rejected(r);
            }
            PlacementPlan replanned = ((PlanOutcome.Planned) again).plan();
            List<PlacementPlan> replannedParts = split.apply(replanned);
            replannedParts.forEach(p -> ledger.write(p, json.writeValueAsString(p)));
            return new PartsOutcome.Committed(replanned, replannedParts);
        });
    }

    /** Commits an already computed plan (a batch planner's output); throws when a resource is taken. */
    public void commit(PlacementPlan plan) {
        try {
            tx.executeWithoutResult(s -> {
                jdbc.queryForList("SELECT pg_advisory_xact_lock_shared(?)", COMMIT_LOCK);
                ledger.write(plan, json.writeValueAsString(plan));
            });
        } finally {
            live.invalidate(); // planned outside the live copy: it does not know these resources are taken
        }
    }

    public boolean release(UUID placementId) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> ledger.release(placementId)));
        } finally {
            live.invalidate(); // the freed resources are not free in the live copy
        }
    }

    public Optional<PlacementPlan> find(UUID placementId) {
        return jdbc.query("SELECT plan::text FROM placement WHERE id = ?",
                (rs, i) -> json.readValue(rs.getString(1), PlacementPlan.class), placementId).stream().findFirst();
    }

    /** A snapshot for a caller that plans a batch itself (the benchmark). */
    public CapacitySnapshot snapshot() {
        return snapshots.read();
    }
}
