package dev.mano.orchestrator.hosts;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.vim.VimException;
import dev.mano.vim.inventory.CpuList;
import dev.mano.vim.inventory.HostInventoryReader;
import dev.mano.vim.inventory.HostTopology;
import dev.mano.vim.inventory.NumaCell;
import dev.mano.vim.inventory.PhysicalFunction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers hosts, reads them through libvirt and keeps their inventory current. libvirt is read
 * outside any database transaction (it can take seconds); the result is written in one.
 */
@Service
public class HostService {
    private static final Logger log = LoggerFactory.getLogger(HostService.class);
    private static final Set<String> SCHEMES = Set.of("qemu", "qemu+ssh", "qemu+libssh", "qemu+libssh2", "qemu+tls",
            "qemu+tcp", "qemu+unix", "test");

    private final HostInventoryStore store;
    private final HostViewReader views;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final HostRefCache refs = new HostRefCache();

    public HostService(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.store = new HostInventoryStore(jdbc, json);
        this.views = new HostViewReader(jdbc, json);
        this.tx = new TransactionTemplate(transactions);
    }

    /** The result of a registration: the host, and whether it was new. */
    public record Registered(HostView host, boolean created) {}

    public Registered register(HostRegistration r) {
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > 253 || name.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest("invalid-host-name", "name: 1 to 253 characters without control characters")
                    .with("field", "name");
        }
        String uri = checkUri(r.libvirtUri());
        var existing = store.findByName(name);
        String isolated = IsolatedCpus.canonical(r.isolatedCpus());
        if (isolated == null) {
            isolated = existing.map(StoredHost::isolatedCpus).orElse("");
        }
        HostTopology topology = readOrReject(uri);
        checkIsolatedCpus(isolated, topology);
        checkPhysicalNetworks(r, topology);
        String isolatedCpus = isolated;
        UUID id = tx.execute(s -> store.register(name, uri, isolatedCpus, r.physicalNetworks(), topology));
        refs.forget(id);
        log.info("Host '{}' {} ({}): {} cells, {} PFs", name, existing.isPresent() ? "re-registered" : "registered", uri,
                topology.cells().size(), topology.physicalFunctions().size());
        return new Registered(get(id), existing.isEmpty());
    }

    private static String checkUri(String uri) {
        if (uri == null || uri.isBlank()) {
            throw ApiProblem.badRequest("invalid-libvirt-uri", "libvirtUri is required").with("field", "libvirtUri");
        }
        try {
            URI parsed = new URI(uri.strip());
            if (parsed.getScheme() == null || !SCHEMES.contains(parsed.getScheme())) {
                throw ApiProblem.badRequest("invalid-libvirt-uri", "libvirtUri '" + uri + "': the scheme must be one of "
                        + new java.util.TreeSet<>(SCHEMES)).with("field", "libvirtUri");
            }
            return parsed.toString();
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest("invalid-libvirt-uri", "libvirtUri '" + uri + "' is not a URI: " + e.getReason())
                    .with("field", "libvirtUri");
        }
    }

    private static HostTopology readOrReject(String uri) {
        try {
            return HostInventoryReader.read(uri);
        } catch (VimException e) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "host-unreachable", "Host unreachable",
                    "The host could not be read through libvirt: " + e.getMessage()).with("libvirtUri", uri);
        }
    }

    private static void checkIsolatedCpus(String isolated, HostTopology t) {
        Set<Integer> known = new HashSet<>();
        t.cells().stream().map(NumaCell::cpus).flatMap(List::stream).forEach(c -> known.add(c.id()));
        List<Integer> unknown = CpuList.parse(isolated).stream().filter(c -> !known.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("invalid-isolated-cpus", "isolatedCpus: the host has no CPU(s) "
                    + CpuList.format(unknown) + "; its CPUs are " + CpuList.format(new ArrayList<>(known)))
                    .with("field", "isolatedCpus");
        }
    }

    private static void checkPhysicalNetworks(HostRegistration r, HostTopology t) {
        Set<String> known = new HashSet<>();
        for (PhysicalFunction pf : t.physicalFunctions()) {
            known.add(pf.pciAddress());
            if (pf.netdev() != null) {
                known.add(pf.netdev());
            }
        }
        List<String> unknown = r.physicalNetworks().keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("unknown-physical-function", "physicalNetworks: no SR-IOV PF " + unknown
                    + " on this host; its PFs are " + new java.util.TreeSet<>(known)).with("field", "physicalNetworks");
        }
        r.physicalNetworks().forEach((pf, net) -> {
            if (net == null || net.isBlank()) {
                throw ApiProblem.badRequest("invalid-physical-network", "physicalNetworks." + pf + ": a network name is required")
                        .with("field", "physicalNetworks");
            }
        });
    }

    /** Reads the host again; an unreachable host is marked so and keeps its inventory and allocations. */
    public HostView refresh(UUID id) {
        StoredHost h = store.findById(id).orElseThrow(() -> ApiProblem.notFound("Host", id));
        refresh(h);
        return get(id);
    }

    void refresh(StoredHost h) {
        refs.forget(h.id());
        try {
            HostTopology t = HostInventoryReader.read(h.libvirtUri());
            tx.executeWithoutResult(s -> store.writeTopology(h.id(), t, Set.copyOf(CpuList.parse(h.isolatedCpus())),
                    h.physicalNetworks()));
        } catch (VimException e) {
            log.warn("Host '{}' unreachable: {}", h.name(), e.getMessage());
            tx.executeWithoutResult(s -> store.markUnreachable(h.id(), e.getMessage()));
        } finally {
            refs.forget(h.id());
        }
    }

    /** Every host, one after the other; one failing host does not stop the others. */
    public void refreshAll() {
        for (StoredHost h : store.all()) {
            try {
                refresh(h);
            } catch (RuntimeException e) {
                log.error("Refreshing host '{}' failed", h.name(), e);
            }
        }
    }

    public List<HostView> list() {
        return views.read(null);
    }

    /** Name, libvirt URI and KVM flag of a host; cached briefly (see {@link HostRefCache}). */
    public HostRef ref(UUID id) {
        return refs.get(id, this::readRef);
    }

    private HostRef readRef(UUID id) {
        return jdbc.query("SELECT id, name, libvirt_uri, kvm FROM vim_host WHERE id = ?",
                        (rs, i) -> new HostRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)), id)
                .stream().findFirst().orElseThrow(() -> ApiProblem.notFound("Host", id));
    }

    public HostView get(UUID id) {
        return views.read(id).stream().findFirst().orElseThrow(() -> ApiProblem.notFound("Host", id));
    }

    /** Deletes a host that holds no allocations; its inventory goes with it. */
    public void delete(UUID id) {
        store.findById(id).orElseThrow(() -> ApiProblem.notFound("Host", id));
        try {
            tx.executeWithoutResult(s -> {
                long held = store.allocations(id);
                if (held > 0) {
                    throw hasAllocations(id, held);
                }
                store.delete(id);
            });
            refs.forget(id);
        } catch (DataIntegrityViolationException e) {
            // a placement committed between the count and the delete, or a VNFC row still names the
            // host: the foreign keys refused the delete
            throw ApiProblem.conflict("host-has-allocations", "Host " + id
                    + " is still referenced by allocations or VNFCs; terminate them first")
                    .with("allocations", store.allocations(id));
        }
    }

    private static ApiProblem hasAllocations(UUID id, long held) {
        return ApiProblem.conflict("host-has-allocations", "Host " + id + " still holds " + held
                + " allocated resource(s); release their placements first").with("allocations", held);
    }
}
