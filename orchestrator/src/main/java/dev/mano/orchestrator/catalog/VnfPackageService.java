package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.PackageContentReader.PackageContent;
import dev.mano.orchestrator.catalog.csar.CsarViolation;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.catalog.vnfd.VnfdViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * VNF package management: create, upload and onboard, enable/disable, delete. Each state change
 * commits on its own, so GET shows UPLOADING and PROCESSING while an upload runs. The upload is
 * processed within the request: the caller gets 202 once the package is ONBOARDED, or the
 * problem details (also kept as onboardingFailureDetails) when it is not. Nothing is half-stored:
 * the file reaches its content address only when valid, and is removed again if the row cannot
 * be committed.
 */
@Service
public class VnfPackageService {
    private static final Logger log = LoggerFactory.getLogger(VnfPackageService.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final VnfPackageRepository packages;
    private final PackageStore store;
    private final PackageContentReader reader;
    private final CatalogProperties props;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ContentLock contentLock;
    private final JdbcTemplate jdbc;
    private final Map<UUID, Vnfd> parsed = new ConcurrentHashMap<>();

    VnfPackageService(VnfPackageRepository packages, PackageStore store, PackageContentReader reader,
                      CatalogProperties props, PlatformTransactionManager txManager, JsonMapper json,
                      ContentLock contentLock, JdbcTemplate jdbc) {
        this.packages = packages;
        this.store = store;
        this.reader = reader;
        this.props = props;
        this.tx = new TransactionTemplate(txManager);
        this.json = json;
        this.contentLock = contentLock;
        this.jdbc = jdbc;
    }

    public VnfPackage create(Map<String, Object> userDefinedData) {
        return packages.save(new VnfPackage(json.writeValueAsString(userDefinedData == null ? Map.of() : userDefinedData)));
    }

    public VnfPackage get(UUID id) {
        return packages.findById(id).orElseThrow(() -> ApiProblem.notFound("VNF package", id));
    }

    public List<VnfPackage> list() {
        return packages.findAllByOrderByCreatedAtAsc();
    }

    /** Receives, checks and onboards package content; see the class comment for the states. */
    public void upload(UUID id, InputStream body) {
        change(id, VnfPackage::startUpload);
        Path temp = store.newTempFile();
        try {
            Received received;
            try {
                received = receive(body, temp);
            } catch (ApiProblem | IOException | UncheckedIOException e) {
                change(id, VnfPackage::uploadAborted);
                if (e instanceof ApiProblem p) throw p;
                throw ApiProblem.badRequest("upload-interrupted", "the upload did not complete: " + e.getMessage());
            }
            change(id, VnfPackage::startProcessing);
            PackageContent content;
            try {
                content = reader.read(temp, received.kind());
                String vnfdId = content.vnfd().descriptorId();
                if (packages.existsByVnfdIdAndOnboardingState(vnfdId, OnboardingState.ONBOARDED)) {
                    throw vnfdIdConflict(vnfdId);
                }
            } catch (VnfdViolation v) {
                throw failed(id, PackageRejections.of(v));
            } catch (CsarViolation v) {
                throw failed(id, PackageRejections.of(v));
            } catch (ApiProblem p) {
                throw failed(id, p);
            } catch (RuntimeException e) {
                log.error("Processing package {} failed", id, e);
                throw failed(id, new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "processing-failed",
                        "Package processing failed", e.toString()));
            }
            try {
                change(id, p -> {
                    // Under the content lock: a concurrent delete of another package with the same
                    // bytes cannot remove the file between this move and this commit.
                    contentLock.lock(received.sha256());
                    store.commit(temp, received.sha256());
                    p.onboarded(content.vnfd().identity(), received.sha256(), received.kind(),
                            received.size(), content.vnfdPath(), content.artifacts());
                });
            } catch (RuntimeException e) {
                deleteContentIfUnused(received.sha256());
                ApiProblem p = e instanceof DataIntegrityViolationException
                        ? vnfdIdConflict(content.vnfd().descriptorId())
                        : new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "processing-failed", "Package processing failed", e.toString());
                throw failed(id, p);
            }
            parsed.put(id, content.vnfd());
            log.info("Onboarded VNF package {} (vnfdId {}, {} {})", id, content.vnfd().descriptorId(),
                    content.vnfd().identity().productName(), content.vnfd().identity().softwareVersion());
        } finally {
            store.deleteQuietly(temp);
        }
    }

    public VnfPackage modify(UUID id, OperationalState operationalState, Map<String, Object> userDefinedDataPatch) {
        return change(id, p -> {
            if (operationalState != null) {
                p.changeOperationalState(operationalState);
            }
            if (userDefinedDataPatch != null) {
                p.changeUserDefinedData(json.writeValueAsString(mergePatch(userDefinedData(p), userDefinedDataPatch)));
            }
        });
    }

    public void delete(UUID id) {
        VnfPackage deleted = tx.execute(s -> {
            VnfPackage p = get(id);
            p.checkDeletable();
            packages.delete(p);
            return p;
        });
        parsed.remove(id);
        deleted.contentSha256().ifPresent(this::deleteContentIfUnused);
    }

    private void deleteContentIfUnused(String sha256) {
        tx.executeWithoutResult(s -> {
            contentLock.lock(sha256);
            if (packages.countByContentSha256(sha256) == 0) {
                store.delete(sha256);
            }
        });
    }

    /**
     * Sets the usage state without an optimistic check (instantiations of one package may run
     * concurrently) but bumps the version, so a concurrent disable or delete does fail. IN_USE is
     * only set on an ONBOARDED, ENABLED package; a package already in the target state is left
     * alone (nothing written, no row lock: most instances are made from a package already IN_USE).
     * Plain SQL: this runs once per VNF instance created or deleted (see VnfPackageCatalog).
     */
    void changeUsage(UUID id, UsageState usage) {
        tx.executeWithoutResult(s -> {
            UsageState current = usageState(id);
            if (current == usage) return;
            int changed = jdbc.update("""
                    UPDATE vnf_package SET usage_state = ?, updated_at = ?, row_version = row_version + 1
                     WHERE id = ? AND usage_state <> ?
                       AND (? = 'NOT_IN_USE' OR (onboarding_state = 'ONBOARDED' AND operational_state = 'ENABLED'))""",
                    usage.name(), java.time.OffsetDateTime.now(), id, usage.name(), usage.name());
            if (changed == 0 && usageState(id) != usage) {
                get(id).checkUsage(usage); // 409 when not deployable
            }
        });
    }

    /** The usage state; 404 when the package does not exist. */
    private UsageState usageState(UUID id) {
        return jdbc.query("SELECT usage_state FROM vnf_package WHERE id = ?", (rs, i) -> UsageState.valueOf(rs.getString(1)), id)
                .stream().findFirst().orElseThrow(() -> ApiProblem.notFound("VNF package", id));
    }

    /** The parsed VNFD of an ONBOARDED package by id: from the cache without reading the row. */
    public Vnfd vnfd(UUID id) {
        Vnfd cached = parsed.get(id);
        return cached != null ? cached : vnfd(get(id));
    }

    /** The parsed VNFD of an ONBOARDED package (parsed once, then cached: content never changes). */
    public Vnfd vnfd(VnfPackage p) {
        return parsed.computeIfAbsent(p.id(), k -> reader.read(content(p), p.contentKind()).vnfd());
    }

    /** The stored file of an ONBOARDED package. */
    public Path content(VnfPackage p) {
        if (p.onboardingState() != OnboardingState.ONBOARDED) {
            throw ApiProblem.conflict("package-state-conflict", "package " + p.id() + " has no content: onboardingState is "
                    + p.onboardingState()).with("onboardingState", p.onboardingState().name());
        }
        return store.path(p.contentSha256().orElseThrow());
    }

    /** The VNFD text: the bare YAML, or the CSAR's entry definitions. */
    public void copyVnfd(VnfPackage p, OutputStream out) throws IOException {
        Path file = content(p);
        if (p.contentKind() == ContentKind.YAML) {
            Files.copy(file, out);
        } else {
            PackageContentReader.copyEntry(file, p.vnfdPath(), out);
        }
    }

    /** The descriptor files (YAML and TOSCA.meta) as a zip; a bare VNFD is one file in it. */
    public void copyVnfdFiles(VnfPackage p, OutputStream out) throws IOException {
        Path file = content(p);
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            if (p.contentKind() == ContentKind.YAML) {
                zip.putNextEntry(new java.util.zip.ZipEntry(PackageContentReader.BARE_VNFD));
                Files.copy(file, zip);
                zip.closeEntry();
                return;
            }
            for (PackageArtifact a : p.artifacts()) {
                String name = a.path().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith(".yaml") || name.endsWith(".yml") || a.path().equals("TOSCA-Metadata/TOSCA.meta")) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(a.path()));
                    PackageContentReader.copyEntry(file, a.path(), zip);
                    zip.closeEntry();
                }
            }
        }
    }

    public Map<String, Object> userDefinedData(VnfPackage p) {
        return json.readValue(p.userDefinedData(), JSON_OBJECT);
    }

    public Map<String, Object> onboardingFailure(VnfPackage p) {
        return p.onboardingFailure().map(f -> json.readValue(f, JSON_OBJECT)).orElse(null);
    }

    private ApiProblem vnfdIdConflict(String vnfdId) {
        return ApiProblem.conflict("vnfd-id-conflict", "a package with vnfdId " + vnfdId + " is already onboarded")
                .with("vnfdId", vnfdId);
    }

    private ApiProblem failed(UUID id, ApiProblem problem) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", problem.typeUri().toString());
        details.put("title", problem.title());
        details.put("status", problem.status().value());
        details.put("detail", problem.getMessage());
        details.putAll(problem.properties());
        String text = json.writeValueAsString(details);
        change(id, p -> p.failed(text));
        return problem;
    }

    private VnfPackage change(UUID id, Consumer<VnfPackage> transition) {
        return tx.execute(s -> {
            VnfPackage p = get(id);
            transition.accept(p);
            return packages.saveAndFlush(p);
        });
    }

    private record Received(String sha256, long size, ContentKind kind) {}

    /** Copies the body to {@code temp}, counting real bytes against the limit (Content-Length can lie). */
    private Received receive(InputStream body, Path temp) throws IOException {
        long max = props.maxUploadBytes().toBytes();
        MessageDigest sha = sha256();
        byte[] buf = new byte[64 * 1024];
        byte[] head = new byte[4];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(temp)) {
            int n;
            while ((n = body.read(buf)) > 0) {
                for (int i = 0; i < n && size + i < head.length; i++) {
                    head[(int) size + i] = buf[i];
                }
                size += n;
                if (size > max) {
                    throw ApiProblem.tooLarge(max);
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        // A zip starts with a local file header (or, when empty, the end of central directory).
        boolean zip = head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5);
        return new Received(HexFormat.of().formatHex(sha.digest()), size, zip ? ContentKind.CSAR : ContentKind.YAML);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mergePatch(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> out = new LinkedHashMap<>(target);
        patch.forEach((k, v) -> {
            if (v == null) {
                out.remove(k);
            } else if (v instanceof Map<?, ?> m && out.get(k) instanceof Map<?, ?> existing) {
                out.put(k, mergePatch((Map<String, Object>) existing, (Map<String, Object>) m));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
