package dev.mano.orchestrator.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads every host's inventory and the ledger into a fresh {@link CapacitySnapshot}: five set-based
 * queries, whatever the number of hosts. Free = inventory minus ledger; the kernel's own free-page
 * count is not used because our running VMs already show up in it.
 */
public final class CapacitySnapshotReader {
    private final JdbcTemplate jdbc;

    public CapacitySnapshotReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record HostRow(UUID id, String name, boolean ready, String reason) {}

    private record CpuRow(int cpu, int socket, int core, boolean isolated, boolean free) {}

    private record PoolRow(long size, long total, long free) {}

    private static final class CellRows {
        final List<CpuRow> cpus = new ArrayList<>();
        final List<PoolRow> pools = new ArrayList<>();
        final Map<String, List<VfSlot>> vfs = new LinkedHashMap<>();
    }

    public CapacitySnapshot read() {
        List<HostRow> hosts = jdbc.query("SELECT id, name, state, state_reason FROM vim_host ORDER BY name",
                (rs, i) -> new HostRow(rs.getObject(1, UUID.class), rs.getString(2),
                        "READY".equals(rs.getString(3)), rs.getString(4)));
        Map<UUID, Map<Integer, CellRows>> cells = new HashMap<>();
        jdbc.query("SELECT host_id, cell_id FROM host_numa_cell ORDER BY host_id, cell_id", rs -> {
            cells.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                    .put(rs.getInt(2), new CellRows());
        });
        jdbc.query("""
                SELECT c.host_id, c.cell_id, c.cpu_id, c.socket_id, c.core_id, c.isolated, a.cpu_id IS NULL
                FROM host_cpu c LEFT JOIN cpu_allocation a ON a.host_id = c.host_id AND a.cpu_id = c.cpu_id
                ORDER BY c.host_id, c.cell_id, c.socket_id, c.core_id, c.cpu_id""", rs -> {
            cell(cells, rs.getObject(1, UUID.class), rs.getInt(2)).cpus.add(
                    new CpuRow(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6), rs.getBoolean(7)));
        });
        jdbc.query("""
                SELECT host_id, cell_id, page_size_kib, total, total - allocated
                FROM host_hugepage_pool WHERE page_size_kib > 4 ORDER BY host_id, cell_id, page_size_kib""", rs -> {
            cell(cells, rs.getObject(1, UUID.class), rs.getInt(2)).pools.add(
                    new PoolRow(rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        });
        jdbc.query("""
                SELECT v.host_id, v.cell_id, v.pci_address, v.pf_pci_address, v.physical_network, a.pci_address IS NULL
                FROM host_vf v LEFT JOIN vf_allocation a ON a.host_id = v.host_id AND a.pci_address = v.pci_address
                WHERE v.cell_id IS NOT NULL AND v.physical_network IS NOT NULL
                ORDER BY v.host_id, v.cell_id, v.pf_pci_address, v.vf_index""", rs -> {
            String net = rs.getString(5);
            cell(cells, rs.getObject(1, UUID.class), rs.getInt(2)).vfs
                    .computeIfAbsent(net, k -> new ArrayList<>())
                    .add(new VfSlot(rs.getString(3), rs.getString(4), net, rs.getBoolean(6)));
        });
        List<HostCapacity> out = new ArrayList<>(hosts.size());
        for (HostRow h : hosts) {
            List<CellCapacity> cellCaps = new ArrayList<>();
            cells.getOrDefault(h.id, Map.of()).forEach((id, rows) -> cellCaps.add(toCell(id, rows)));
            out.add(new HostCapacity(h.id, h.name, h.ready, h.reason, cellCaps));
        }
        return new CapacitySnapshot(out);
    }

    private static CellRows cell(Map<UUID, Map<Integer, CellRows>> cells, UUID host, int cell) {
        return cells.computeIfAbsent(host, k -> new LinkedHashMap<>()).computeIfAbsent(cell, k -> new CellRows());
    }

    private static CellCapacity toCell(int id, CellRows rows) {
        // rows.cpus are ordered by socket, core: consecutive rows of one (socket, core) are one physical core
        List<PhysicalCore> cores = new ArrayList<>();
        List<Integer> housekeeping = new ArrayList<>();
        int i = 0;
        while (i < rows.cpus.size()) {
            int j = i;
            CpuRow first = rows.cpus.get(i);
            while (j < rows.cpus.size() && rows.cpus.get(j).socket == first.socket && rows.cpus.get(j).core == first.core) {
                j++;
            }
            List<CpuRow> threads = rows.cpus.subList(i, j);
            int[] cpus = new int[threads.size()];
            boolean[] isolated = new boolean[threads.size()];
            boolean[] free = new boolean[threads.size()];
            boolean anyIsolated = false;
            for (int t = 0; t < threads.size(); t++) {
                cpus[t] = threads.get(t).cpu;
                isolated[t] = threads.get(t).isolated;
                free[t] = threads.get(t).free;
                anyIsolated |= isolated[t];
                if (!isolated[t]) {
                    housekeeping.add(cpus[t]);
                }
            }
            if (anyIsolated) {
                cores.add(new PhysicalCore(cpus, isolated, free));
            }
            i = j;
        }
        long[] sizes = new long[rows.pools.size()];
        long[] totals = new long[sizes.length];
        long[] frees = new long[sizes.length];
        for (int p = 0; p < sizes.length; p++) {
            sizes[p] = rows.pools.get(p).size;
            totals[p] = rows.pools.get(p).total;
            frees[p] = rows.pools.get(p).free;
        }
        return new CellCapacity(id, cores, housekeeping.stream().mapToInt(Integer::intValue).sorted().toArray(),
                sizes, totals, frees, rows.vfs);
    }
}
