package dev.mano.orchestrator.hosts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Builds {@link HostView}s: the inventory joined with the ledger. */
final class HostViewReader {
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    HostViewReader(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record HostRow(UUID id, String name, String uri, String state, String reason, String hostname, String cpuModel,
                           boolean kvm, String isolated, Map<String, String> networks, OffsetDateTime registered,
                           OffsetDateTime refreshed) {}

    private record CellRow(int id, long memoryKib) {}

    private record CellBits(List<HostView.CpuHolder> cpus, List<HostView.Pool> pools, List<HostView.Vf> vfs) {
        CellBits() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    List<HostView> read(UUID onlyHost) {
        String where = onlyHost == null ? "" : " WHERE host_id = ?";
        Object[] args = onlyHost == null ? new Object[0] : new Object[] {onlyHost};
        List<HostRow> hosts = jdbc.query("""
                SELECT id, name, libvirt_uri, state, state_reason, hostname, cpu_model, kvm, isolated_cpus,
                       physical_networks::text, registered_at, refreshed_at FROM vim_host"""
                        + (onlyHost == null ? "" : " WHERE id = ?") + " ORDER BY name",
                (rs, i) -> new HostRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
                        json.readValue(rs.getString(10), new TypeReference<Map<String, String>>() {}),
                        rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class)), args);
        Map<UUID, Map<Integer, CellRow>> cells = new HashMap<>();
        jdbc.query("SELECT host_id, cell_id, memory_kib FROM host_numa_cell" + where + " ORDER BY cell_id", rs -> {
            cells.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                    .put(rs.getInt(2), new CellRow(rs.getInt(2), rs.getLong(3)));
        }, args);
        Map<UUID, Map<Integer, CellBits>> bits = new HashMap<>();
        Map<UUID, List<HostView.Vf>> unplaced = new HashMap<>();
        jdbc.query("""
                SELECT c.host_id, c.cell_id, c.cpu_id, c.socket_id, c.core_id, c.siblings, c.isolated, a.vnfc_id, a.purpose
                FROM host_cpu c LEFT JOIN cpu_allocation a ON a.host_id = c.host_id AND a.cpu_id = c.cpu_id"""
                        + where.replace("host_id", "c.host_id") + " ORDER BY c.cpu_id", rs -> {
            Integer[] siblings = (Integer[]) rs.getArray(6).getArray();
            bits(bits, rs.getObject(1, UUID.class), rs.getInt(2)).cpus.add(new HostView.CpuHolder(rs.getInt(3),
                    rs.getInt(4), rs.getInt(5), Arrays.asList(siblings), rs.getBoolean(7),
                    rs.getObject(8, UUID.class), rs.getString(9)));
        }, args);
        Map<String, List<HostView.PageHolder>> pageHolders = new HashMap<>();
        jdbc.query("SELECT host_id, cell_id, page_size_kib, vnfc_id, sum(pages) FROM hugepage_allocation" + where
                        + " GROUP BY host_id, cell_id, page_size_kib, vnfc_id ORDER BY vnfc_id", rs -> {
            pageHolders.computeIfAbsent(rs.getObject(1) + ":" + rs.getInt(2) + ":" + rs.getLong(3), k -> new ArrayList<>())
                    .add(new HostView.PageHolder(rs.getObject(4, UUID.class), rs.getLong(5)));
        }, args);
        jdbc.query("SELECT host_id, cell_id, page_size_kib, total, allocated, host_free FROM host_hugepage_pool" + where
                + " ORDER BY page_size_kib", rs -> {
            UUID host = rs.getObject(1, UUID.class);
            bits(bits, host, rs.getInt(2)).pools.add(new HostView.Pool(rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(4) - rs.getLong(5), rs.getLong(6),
                    pageHolders.getOrDefault(host + ":" + rs.getInt(2) + ":" + rs.getLong(3), List.of())));
        }, args);
        jdbc.query("""
                SELECT v.host_id, v.cell_id, v.pci_address, v.vf_index, v.pf_pci_address, v.pf_netdev, v.physical_network,
                       a.vnfc_id
                FROM host_vf v LEFT JOIN vf_allocation a ON a.host_id = v.host_id AND a.pci_address = v.pci_address"""
                        + where.replace("host_id", "v.host_id") + " ORDER BY v.pf_pci_address, v.vf_index", rs -> {
            UUID host = rs.getObject(1, UUID.class);
            HostView.Vf vf = new HostView.Vf(rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getObject(8, UUID.class));
            Integer cell = rs.getObject(2, Integer.class);
            if (cell == null) {
                unplaced.computeIfAbsent(host, k -> new ArrayList<>()).add(vf);
            } else {
                bits(bits, host, cell).vfs.add(vf);
            }
        }, args);
        List<HostView> out = new ArrayList<>();
        for (HostRow h : hosts) {
            List<HostView.Cell> cellViews = new ArrayList<>();
            for (CellRow c : cells.getOrDefault(h.id, Map.of()).values()) {
                CellBits b = bits.getOrDefault(h.id, Map.of()).getOrDefault(c.id, new CellBits());
                cellViews.add(new HostView.Cell(c.id, c.memoryKib, summary(b), b.cpus, b.pools, b.vfs));
            }
            out.add(new HostView(h.id, h.name, h.uri, h.state, h.reason, h.hostname, h.cpuModel, h.kvm, h.isolated,
                    h.networks, h.registered, h.refreshed, cellViews, unplaced.getOrDefault(h.id, List.of())));
        }
        return out;
    }

    private static CellBits bits(Map<UUID, Map<Integer, CellBits>> bits, UUID host, int cell) {
        return bits.computeIfAbsent(host, k -> new HashMap<>()).computeIfAbsent(cell, k -> new CellBits());
    }

    private static HostView.Summary summary(CellBits b) {
        int isolated = 0;
        int freeIsolated = 0;
        List<Integer> housekeeping = new ArrayList<>();
        for (HostView.CpuHolder c : b.cpus) {
            if (c.isolated()) {
                isolated++;
                if (c.heldBy() == null) {
                    freeIsolated++;
                }
            } else {
                housekeeping.add(c.id());
            }
        }
        int freeVfs = 0;
        Map<String, Integer> perNetwork = new TreeMap<>();
        for (HostView.Vf v : b.vfs) {
            if (v.heldBy() == null) {
                freeVfs++;
                if (v.physicalNetwork() != null) {
                    perNetwork.merge(v.physicalNetwork(), 1, Integer::sum);
                }
            }
        }
        return new HostView.Summary(isolated, freeIsolated, isolated - freeIsolated, housekeeping, b.vfs.size(), freeVfs,
                perNetwork);
    }
}
