package dev.mano.orchestrator.placement;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This replica's working copy of free capacity, kept between requests so a placement does not read
 * every host's inventory and the whole ledger again. Requests plan on it one at a time (planning is
 * in-memory and takes well under a millisecond), and a plan's resources stay taken in it, so two
 * requests of this replica never pick the same CPU: they no longer collide at commit and queue on
 * the exclusive commit lock.
 *
 * <p>It is a cache, never the truth: the database's constraints still decide every commit. The copy
 * is read again from the database when
 * <ul>
 *   <li>a commit planned on it failed, or a placement was released or committed from elsewhere
 *       ({@link #invalidate}, called by {@link PlacementService});</li>
 *   <li>the host inventory changed, on any replica: every inventory write (register, refresh,
 *       unreachable, delete) changes {@code vim_host}, whose stamp is checked before each plan;</li>
 *   <li>it is older than {@link #MAX_AGE}, so capacity another replica released shows up here.</li>
 * </ul>
 * Another replica's commits show up as a lost race (the commit fails, the copy is dropped). A copy
 * that is behind can only see too little free capacity, so {@link PlacementService} confirms every
 * rejection on a fresh read before it turns a request away.
 */
final class LiveCapacity {
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final String INVENTORY_STAMP = """
            SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || state || coalesce(refreshed_at::text, '-'), ','
                ORDER BY id)), '') FROM vim_host""";

    private final JdbcTemplate jdbc;
    private final CapacitySnapshotReader reader;
    private CapacitySnapshot live; // guarded by this, as are stamp and readAt
    private String stamp;
    private long readAt;

    LiveCapacity(JdbcTemplate jdbc, CapacitySnapshotReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /** Plans on the live copy; a planned request keeps its resources taken in it until {@link #invalidate}. */
    PlanOutcome plan(Planner planner, PlacementRequest request, UUID planId) {
        // read outside the lock, so requests queue only for the in-memory planning; a stamp that is
        // already old when compared costs one extra read, never a missed change
        String now = jdbc.queryForObject(INVENTORY_STAMP, String.class);
        synchronized (this) {
            if (live == null || !now.equals(stamp) || System.nanoTime() - readAt > MAX_AGE.toNanos()) {
                // stamp first, then the snapshot: an inventory write between the two only causes one more read
                live = reader.read();
                stamp = now;
                readAt = System.nanoTime();
            }
            return planner.plan(live, request, planId);
        }
    }

    /** Drops the copy: the next plan reads the database again. */
    synchronized void invalidate() {
        live = null;
    }
}
