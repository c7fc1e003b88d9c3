package dev.mano.orchestrator.nsd;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.VnfPackageCatalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * NS descriptor management (SOL005 NSD management). Content is validated against the VNF
 * catalog when uploaded: every constituent VNFD must be onboarded and enabled, and every link of the
 * chain must be wirable from their connection points (ChainWirability). A refused upload
 * leaves the descriptor CREATED, as it was.
 */
@Service
public class NsdCatalog {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final VnfPackageCatalog vnfPackages;
    private final Map<UUID, ParsedNsd> parsed = new ConcurrentHashMap<>();

    NsdCatalog(JdbcTemplate jdbc, JsonMapper json, VnfPackageCatalog vnfPackages) {
        this.jdbc = jdbc;
        this.json = json;
        this.vnfPackages = vnfPackages;
    }

    public NsDescriptor create(Map<String, Object> userDefinedData) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO ns_descriptor (id, onboarding_state, operational_state, user_defined_data) "
                + "VALUES (?, 'CREATED', 'ENABLED', ?::jsonb)", id, json.writeValueAsString(userDefinedData == null ? Map.of() : userDefinedData));
        return get(id);
    }

    public NsDescriptor get(UUID id) {
        return find(id).orElseThrow(() -> ApiProblem.notFound("NS descriptor", id));
    }

    public Optional<NsDescriptor> find(UUID id) {
        return jdbc.query("SELECT * FROM ns_descriptor WHERE id = ?", this::row, id).stream().findFirst();
    }

    public List<NsDescriptor> list() {
        return jdbc.query("SELECT * FROM ns_descriptor ORDER BY created_at", this::row);
    }

    /** The ONBOARDED and ENABLED descriptor of {@code nsdId}, parsed. */
    public Optional<Deployable> deployable(String nsdId) {
        return jdbc.query("SELECT * FROM ns_descriptor WHERE nsd_id = ? AND onboarding_state = 'ONBOARDED'", this::row, nsdId)
                .stream().filter(NsDescriptor::enabled).findFirst()
                .map(d -> new Deployable(d, parsedDeployable(d)));
    }

    /**
     * A parse depends on the content and on the catalog's answers about the VNFDs it names; every
     * NS instantiation used to parse the YAML again (~6% of its CPU). The last successful parse of
     * each descriptor is reused while its content is the same text and each VNFD the parser asked
     * about still has the same deployable package (asked again here, one indexed query each);
     * otherwise it parses again, which also reports what is now wrong exactly as before.
     */
    private Nsd parsedDeployable(NsDescriptor d) {
        ParsedNsd last = parsed.get(d.id());
        if (last != null && last.content().equals(d.content()) && last.stillSamePackages(vnfPackages)) {
            return last.nsd();
        }
        Map<String, Optional<UUID>> asked = new LinkedHashMap<>();
        Nsd nsd = NsdParser.parse("nsd.yaml", d.content(), vnfdId -> {
            Optional<UUID> p = vnfPackages.deployablePackageId(vnfdId);
            asked.put(vnfdId, p);
            return p.isPresent();
        });
        parsed.put(d.id(), new ParsedNsd(d.content(), Map.copyOf(asked), nsd));
        return nsd;
    }

    /** @param packages what the parser asked: each VNFD id and the id of its deployable package then */
    private record ParsedNsd(String content, Map<String, Optional<UUID>> packages, Nsd nsd) {
        boolean stillSamePackages(VnfPackageCatalog catalog) {
            return packages.entrySet().stream().allMatch(e -> catalog.deployablePackageId(e.getKey()).equals(e.getValue()));
        }
    }

    public record Deployable(NsDescriptor descriptor, Nsd nsd) {}

    /** Validates and stores the content; 422 with file/path/expected when the NSD is wrong. */
    @Transactional
    public NsDescriptor upload(UUID id, String yaml) {
        NsDescriptor d = get(id);
        if (d.onboarded()) {
            throw ApiProblem.conflict("nsd-state-conflict", "NS descriptor " + id + " already has content (nsdOnboardingState ONBOARDED)");
        }
        Nsd nsd = parse(yaml);
        ChainWirability.check("nsd.yaml", nsd, vnfdId -> vnfPackages.findByVnfdId(vnfdId).orElseThrow().vnfd());
        try {
            jdbc.update("""
                    UPDATE ns_descriptor SET nsd_id = ?, nsd_name = ?, nsd_designer = ?, nsd_version = ?, nsd_invariant_id = ?,
                        content = ?, onboarding_state = 'ONBOARDED' WHERE id = ?""",
                    nsd.nsdId(), nsd.name(), nsd.designer(), nsd.version(), nsd.invariantId(), yaml, id);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("nsd-id-conflict", "an NS descriptor with nsdId " + nsd.nsdId() + " is already onboarded")
                    .with("nsdId", nsd.nsdId());
        }
        return get(id);
    }

    public Nsd parse(String yaml) {
        return NsdParser.parse("nsd.yaml", yaml, vnfPackages::isDeployable);
    }

    public NsDescriptor setEnabled(UUID id, boolean enabled) {
        get(id);
        jdbc.update("UPDATE ns_descriptor SET operational_state = ? WHERE id = ?", enabled ? "ENABLED" : "DISABLED", id);
        return get(id);
    }

    public boolean inUse(UUID id) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM ns_instance WHERE nsd_info_id = ?", Integer.class, id);
        return n != null && n > 0;
    }

    @Transactional
    public void delete(UUID id) {
        NsDescriptor d = get(id);
        if (d.enabled()) {
            throw ApiProblem.conflict("nsd-state-conflict", "NS descriptor " + id + " is ENABLED; disable it before deleting")
                    .with("nsdOperationalState", "ENABLED");
        }
        if (inUse(id)) {
            throw ApiProblem.conflict("nsd-in-use", "NS descriptor " + id + " is used by NS instances").with("nsdUsageState", "IN_USE");
        }
        jdbc.update("DELETE FROM ns_descriptor WHERE id = ?", id);
        parsed.remove(id);
    }

    private NsDescriptor row(ResultSet rs, int i) throws SQLException {
        return new NsDescriptor(rs.getObject("id", UUID.class), rs.getString("nsd_id"), rs.getString("nsd_name"),
                rs.getString("nsd_designer"), rs.getString("nsd_version"), rs.getString("nsd_invariant_id"),
                "ONBOARDED".equals(rs.getString("onboarding_state")), "ENABLED".equals(rs.getString("operational_state")),
                rs.getString("content"), json.readValue(rs.getString("user_defined_data"), OBJECT));
    }
}
