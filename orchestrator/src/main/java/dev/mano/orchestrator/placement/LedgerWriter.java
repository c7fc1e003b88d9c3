package dev.mano.orchestrator.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a plan into the ledger and takes it out again. Must run inside a transaction: a plan is
 * written whole or not at all. Correctness comes from the schema: a CPU or VF already held makes the
 * INSERT fail on its primary key; a pool without enough pages makes the guarded UPDATE touch no row.
 * Locks are taken in one global order (pools, then CPUs, then VFs, each sorted) so two writers wait
 * for each other instead of deadlocking.
 */
public final class LedgerWriter {
    private final JdbcTemplate jdbc;

    public LedgerWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record PoolTake(UUID host, int cell, long size, UUID vnfc, long pages) {}

    private record CpuTake(UUID host, int cpu, UUID vnfc, String purpose) {}

    private record VfTake(UUID host, String pci, UUID vnfc) {}

    /** Throws {@link LostRace} or a {@code DataIntegrityViolationException} when a resource is no longer free. */
    public void write(PlacementPlan plan, String planJson) {
        List<PoolTake> pools = new ArrayList<>();
        List<CpuTake> cpus = new ArrayList<>();
        List<VfTake> vfs = new ArrayList<>();
        for (VnfcPlacement v : plan.vnfcs()) {
            for (NodePlacement n : v.nodes()) {
                if (n.pages() > 0) {
                    pools.add(new PoolTake(v.hostId(), n.hostCell(), n.pageSizeKib(), v.vnfcId(), n.pages()));
                }
                n.pmdCpus().forEach(c -> cpus.add(new CpuTake(v.hostId(), c, v.vnfcId(), "PMD")));
                n.siblingCpus().forEach(c -> cpus.add(new CpuTake(v.hostId(), c, v.vnfcId(), "SIBLING")));
                n.vfs().forEach(f -> vfs.add(new VfTake(v.hostId(), f.pciAddress(), v.vnfcId())));
            }
        }
        jdbc.update("INSERT INTO placement (id, strategy, plan) VALUES (?, ?, ?::jsonb)",
                plan.id(), plan.strategy().name(), planJson);

        // One guarded UPDATE per pool (sum of the plan's takes from it), in key order.
        record PoolKey(UUID host, int cell, long size) {}
        TreeMap<PoolKey, Long> perPool = new TreeMap<>(Comparator.comparing(PoolKey::host)
                .thenComparingInt(PoolKey::cell).thenComparingLong(PoolKey::size));
        pools.forEach(p -> perPool.merge(new PoolKey(p.host, p.cell, p.size), p.pages, Long::sum));
        perPool.forEach((k, pages) -> {
            int n = jdbc.update("""
                    UPDATE host_hugepage_pool SET allocated = allocated + ?
                    WHERE host_id = ? AND cell_id = ? AND page_size_kib = ? AND allocated + ? <= total""",
                    pages, k.host, k.cell, k.size, pages);
            if (n != 1) {
                throw new LostRace("pool " + k + " has fewer than " + pages + " free pages now");
            }
        });
        jdbc.batchUpdate("""
                INSERT INTO hugepage_allocation (placement_id, vnfc_id, host_id, cell_id, page_size_kib, pages)
                VALUES (?, ?, ?, ?, ?, ?)""", pools, pools.size(), (ps, p) -> {
            ps.setObject(1, plan.id());
            ps.setObject(2, p.vnfc);
            ps.setObject(3, p.host);
            ps.setInt(4, p.cell);
            ps.setLong(5, p.size);
            ps.setLong(6, p.pages);
        });
        cpus.sort(Comparator.comparing(CpuTake::host).thenComparingInt(CpuTake::cpu));
        jdbc.batchUpdate("""
                INSERT INTO cpu_allocation (host_id, cpu_id, placement_id, vnfc_id, purpose) VALUES (?, ?, ?, ?, ?)""",
                cpus, cpus.size(), (ps, c) -> {
                    ps.setObject(1, c.host);
                    ps.setInt(2, c.cpu);
                    ps.setObject(3, plan.id());
                    ps.setObject(4, c.vnfc);
                    ps.setString(5, c.purpose);
                });
        vfs.sort(Comparator.comparing(VfTake::host).thenComparing(VfTake::pci));
        jdbc.batchUpdate("INSERT INTO vf_allocation (host_id, pci_address, placement_id, vnfc_id) VALUES (?, ?, ?, ?)",
                vfs, vfs.size(), (ps, f) -> {
                    ps.setObject(1, f.host);
                    ps.setString(2, f.pci);
                    ps.setObject(3, plan.id());
                    ps.setObject(4, f.vnfc);
                });
    }

    /** Gives back every resource of a placement; false when there is no such placement. */
    public boolean release(UUID placementId) {
        record Freed(UUID host, int cell, long size, long pages) {}
        List<Freed> freed = new ArrayList<>(jdbc.query("""
                DELETE FROM hugepage_allocation WHERE placement_id = ?
                RETURNING host_id, cell_id, page_size_kib, pages""",
                (rs, i) -> new Freed(rs.getObject(1, UUID.class), rs.getInt(2), rs.getLong(3), rs.getLong(4)),
                placementId));
        freed.sort(Comparator.comparing(Freed::host).thenComparingInt(Freed::cell).thenComparingLong(Freed::size));
        for (Freed f : freed) {
            jdbc.update("UPDATE host_hugepage_pool SET allocated = allocated - ? WHERE host_id = ? AND cell_id = ? AND page_size_kib = ?",
                    f.pages, f.host, f.cell, f.size);
        }
        // cpu_allocation and vf_allocation go with the placement (ON DELETE CASCADE)
        return jdbc.update("DELETE FROM placement WHERE id = ?", placementId) == 1;
    }
}
