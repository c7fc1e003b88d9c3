package dev.mano.orchestrator.hosts;

import dev.mano.vim.inventory.CpuList;
import dev.mano.vim.inventory.Cpu;
import dev.mano.vim.inventory.HostTopology;
import dev.mano.vim.inventory.HugepagePool;
import dev.mano.vim.inventory.NumaCell;
import dev.mano.vim.inventory.PhysicalFunction;
import dev.mano.vim.inventory.VirtualFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host inventory tables. A refresh upserts what the host reports and deletes only what it no
 * longer reports <em>and</em> nobody holds: an allocation keeps its CPU, pool or VF row until released.
 * Callers run the writes inside one transaction.
 */
public final class HostInventoryStore {
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public HostInventoryStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<StoredHost> findByName(String name) {
        return find("name = ?", name);
    }

    Optional<StoredHost> findById(UUID id) {
        return find("id = ?", id);
    }

    private Optional<StoredHost> find(String where, Object arg) {
        return jdbc.query("SELECT id, name, libvirt_uri, isolated_cpus, physical_networks::text FROM vim_host WHERE " + where,
                (rs, i) -> new StoredHost(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        json.readValue(rs.getString(5), new TypeReference<Map<String, String>>() {})), arg)
                .stream().findFirst();
    }

    List<StoredHost> all() {
        return jdbc.query("SELECT id, name, libvirt_uri, isolated_cpus, physical_networks::text FROM vim_host ORDER BY name",
                (rs, i) -> new StoredHost(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        json.readValue(rs.getString(5), new TypeReference<Map<String, String>>() {})));
    }

    /** Inserts or updates the host row by name and writes its topology; returns the host's id. */
    public UUID register(String name, String libvirtUri, String isolatedCpus, Map<String, String> physicalNetworks,
                         HostTopology topology) {
        UUID id = jdbc.queryForObject("""
                INSERT INTO vim_host (id, name, libvirt_uri, state, isolated_cpus, physical_networks)
                VALUES (?, ?, ?, 'READY', ?, ?::jsonb)
                ON CONFLICT (name) DO UPDATE SET libvirt_uri = EXCLUDED.libvirt_uri,
                    isolated_cpus = EXCLUDED.isolated_cpus, physical_networks = EXCLUDED.physical_networks
                RETURNING id""", UUID.class,
                UUID.randomUUID(), name, libvirtUri, isolatedCpus, json.writeValueAsString(physicalNetworks));
        writeTopology(id, topology, Set.copyOf(CpuList.parse(isolatedCpus)), physicalNetworks);
        return id;
    }

    void markUnreachable(UUID id, String reason) {
        jdbc.update("UPDATE vim_host SET state = 'UNREACHABLE', state_reason = ?, refreshed_at = now() WHERE id = ?", reason, id);
    }

    /** Replaces the stored topology with what the host reports now and marks the host READY. */
    void writeTopology(UUID hostId, HostTopology t, Set<Integer> isolated, Map<String, String> physicalNetworks) {
        jdbc.update("""
                UPDATE vim_host SET state = 'READY', state_reason = NULL, hostname = ?, cpu_model = ?, kvm = ?,
                    refreshed_at = now() WHERE id = ?""", t.hostname(), t.cpuModel(), t.kvm(), hostId);
        List<NumaCell> cells = t.cells();
        jdbc.batchUpdate("""
                INSERT INTO host_numa_cell (host_id, cell_id, memory_kib) VALUES (?, ?, ?)
                ON CONFLICT (host_id, cell_id) DO UPDATE SET memory_kib = EXCLUDED.memory_kib""",
                cells, cells.size(), (ps, c) -> {
                    ps.setObject(1, hostId);
                    ps.setInt(2, c.id());
                    ps.setLong(3, c.memoryKib());
                });
        record CellCpu(int cell, Cpu cpu) {}
        List<CellCpu> cpus = new ArrayList<>();
        List<HugepagePool> pools = new ArrayList<>();
        for (NumaCell c : cells) {
            c.cpus().forEach(cpu -> cpus.add(new CellCpu(c.id(), cpu)));
            pools.addAll(c.hugepages());
        }
        jdbc.batchUpdate("""
                INSERT INTO host_cpu (host_id, cpu_id, cell_id, socket_id, core_id, siblings, isolated)
                VALUES (?, ?, ?, ?, ?, string_to_array(?, ',')::int[], ?)
                ON CONFLICT (host_id, cpu_id) DO UPDATE SET cell_id = EXCLUDED.cell_id, socket_id = EXCLUDED.socket_id,
                    core_id = EXCLUDED.core_id, siblings = EXCLUDED.siblings, isolated = EXCLUDED.isolated""",
                cpus, cpus.size(), (ps, c) -> {
                    ps.setObject(1, hostId);
                    ps.setInt(2, c.cpu().id());
                    ps.setInt(3, c.cell());
                    ps.setInt(4, c.cpu().socketId());
                    ps.setInt(5, c.cpu().coreId());
                    ps.setString(6, c.cpu().siblings().stream().map(String::valueOf).collect(Collectors.joining(",")));
                    ps.setBoolean(7, isolated.contains(c.cpu().id()));
                });
        // A pool never shrinks below what the ledger holds: the CHECK would refuse it, and the pages are in use.
        jdbc.batchUpdate("""
                INSERT INTO host_hugepage_pool (host_id, cell_id, page_size_kib, total, host_free) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (host_id, cell_id, page_size_kib) DO UPDATE
                    SET total = GREATEST(EXCLUDED.total, host_hugepage_pool.allocated), host_free = EXCLUDED.host_free""",
                pools, pools.size(), (ps, p) -> {
                    ps.setObject(1, hostId);
                    ps.setInt(2, p.cellId());
                    ps.setLong(3, p.pageSizeKib());
                    ps.setLong(4, p.total());
                    ps.setLong(5, p.free());
                });
        record HostVf(PhysicalFunction pf, VirtualFunction vf, String network) {}
        List<HostVf> vfs = new ArrayList<>();
        Set<Integer> cellIds = cells.stream().map(NumaCell::id).collect(Collectors.toSet());
        for (PhysicalFunction pf : t.physicalFunctions()) {
            String network = physicalNetworks.getOrDefault(pf.pciAddress(),
                    pf.netdev() == null ? null : physicalNetworks.get(pf.netdev()));
            for (VirtualFunction vf : pf.virtualFunctions()) {
                vfs.add(new HostVf(pf, vf, network));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO host_vf (host_id, pci_address, vf_index, cell_id, pf_pci_address, pf_netdev, physical_network)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (host_id, pci_address) DO UPDATE SET vf_index = EXCLUDED.vf_index, cell_id = EXCLUDED.cell_id,
                    pf_pci_address = EXCLUDED.pf_pci_address, pf_netdev = EXCLUDED.pf_netdev,
                    physical_network = EXCLUDED.physical_network""",
                vfs, vfs.size(), (ps, v) -> {
                    int cell = v.vf().numaNode() >= 0 ? v.vf().numaNode() : v.pf().numaNode();
                    ps.setObject(1, hostId);
                    ps.setString(2, v.vf().pciAddress());
                    ps.setInt(3, v.vf().vfIndex());
                    if (cellIds.contains(cell)) {
                        ps.setInt(4, cell);
                    } else {
                        ps.setNull(4, java.sql.Types.INTEGER);
                    }
                    ps.setString(5, v.pf().pciAddress());
                    ps.setString(6, v.pf().netdev());
                    ps.setString(7, v.network());
                });
        deleteUnreported(hostId, cells, cpus.stream().map(c -> c.cpu().id()).toList(), pools,
                vfs.stream().map(v -> v.vf().pciAddress()).toList());
    }

    private void deleteUnreported(UUID hostId, List<NumaCell> cells, List<Integer> cpuIds, List<HugepagePool> pools,
                                  List<String> vfs) {
        jdbc.update("""
                DELETE FROM host_vf v WHERE host_id = ? AND pci_address <> ALL (string_to_array(?, ','))
                AND NOT EXISTS (SELECT 1 FROM vf_allocation a WHERE a.host_id = v.host_id AND a.pci_address = v.pci_address)""",
                hostId, String.join(",", vfs));
        jdbc.update("""
                DELETE FROM host_cpu c WHERE host_id = ? AND cpu_id <> ALL (string_to_array(?, ',')::int[])
                AND NOT EXISTS (SELECT 1 FROM cpu_allocation a WHERE a.host_id = c.host_id AND a.cpu_id = c.cpu_id)""",
                hostId, cpuIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        Set<String> poolKeys = new HashSet<>();
        pools.forEach(p -> poolKeys.add(p.cellId() + ":" + p.pageSizeKib()));
        jdbc.update("""
                DELETE FROM host_hugepage_pool p WHERE host_id = ? AND allocated = 0
                AND (cell_id || ':' || page_size_kib) <> ALL (string_to_array(?, ','))""",
                hostId, String.join(",", poolKeys));
        jdbc.update("""
                DELETE FROM host_numa_cell c WHERE host_id = ? AND cell_id <> ALL (string_to_array(?, ',')::int[])
                AND NOT EXISTS (SELECT 1 FROM host_cpu x WHERE x.host_id = c.host_id AND x.cell_id = c.cell_id)
                AND NOT EXISTS (SELECT 1 FROM host_hugepage_pool x WHERE x.host_id = c.host_id AND x.cell_id = c.cell_id)""",
                hostId, cells.stream().map(c -> String.valueOf(c.id())).collect(Collectors.joining(",")));
    }

    long allocations(UUID hostId) {
        return jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM cpu_allocation WHERE host_id = ?)
                     + (SELECT count(*) FROM vf_allocation WHERE host_id = ?)
                     + (SELECT count(*) FROM hugepage_allocation WHERE host_id = ?)""", Long.class, hostId, hostId, hostId);
    }

    boolean delete(UUID hostId) {
        return jdbc.update("DELETE FROM vim_host WHERE id = ?", hostId) == 1;
    }
}
