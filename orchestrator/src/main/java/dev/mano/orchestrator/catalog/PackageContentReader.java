package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.catalog.csar.Csar;
import dev.mano.orchestrator.catalog.csar.CsarReader;
import dev.mano.orchestrator.catalog.csar.CsarViolation;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.catalog.vnfd.VnfdParser;
import dev.mano.orchestrator.catalog.vnfd.VnfdViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.springframework.stereotype.Component;

/**
 * Turns stored package bytes into a checked VNFD: reads the CSAR (or the bare YAML), parses the
 * entry definitions, and cross-checks manifest metadata and image artifacts against the VNFD.
 * Throws {@link VnfdViolation} or {@link CsarViolation}.
 */
@Component
class PackageContentReader {
    /** The name a bare YAML VNFD is reported under. */
    static final String BARE_VNFD = "vnfd.yaml";

    record PackageContent(Vnfd vnfd, String vnfdPath, List<PackageArtifact> artifacts) {}

    private final CatalogProperties props;
    private final VnfdParser parser = new VnfdParser();

    PackageContentReader(CatalogProperties props) {
        this.props = props;
    }

    PackageContent read(Path file, ContentKind kind) {
        return kind == ContentKind.YAML ? readYaml(file) : readCsar(file);
    }

    private PackageContent readYaml(Path file) {
        try {
            if (Files.size(file) > props.maxDescriptorBytes().toBytes()) {
                throw new VnfdViolation(BARE_VNFD, "(document)", "a VNFD of at most " + props.maxDescriptorBytes(),
                        "the descriptor is larger than " + props.maxDescriptorBytes());
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return new PackageContent(parser.parse(BARE_VNFD, text), null, List.of());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new VnfdViolation(BARE_VNFD, "(document)", "UTF-8 text", "the descriptor is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PackageContent readCsar(Path file) {
        Csar csar = new CsarReader(props.csarLimits()).read(file);
        String entry = csar.entryDefinitions();
        Vnfd vnfd = parser.parse(entry, csar.texts().get(entry), csar::contains);
        csar.manifest().ifPresent(m -> {
            check(m.file(), m.metadata(), "vnf_provider_id", vnfd.identity().provider());
            check(m.file(), m.metadata(), "vnf_product_name", vnfd.identity().productName());
        });
        vnfd.vdus().forEach(vdu -> vdu.swImage().flatMap(i -> i.imagePath()).ifPresent(image -> {
            String resolved = Optional.ofNullable(Path.of(entry).getParent()).map(p -> p.resolve(image))
                    .orElse(Path.of(image)).normalize().toString();
            if (!csar.contains(resolved) && !csar.contains(image)) {
                throw new CsarViolation("csar-invalid", entry, "VDU " + vdu.id() + " names image artifact '"
                        + image + "', which the archive does not hold");
            }
        }));
        List<PackageArtifact> artifacts = csar.files().stream()
                .map(f -> new PackageArtifact(f.path(), f.algorithm(), f.hash(), f.size())).toList();
        return new PackageContent(vnfd, entry, artifacts);
    }

    private static void check(String file, Map<String, String> metadata, String key, String vnfdValue) {
        String value = metadata.get(key);
        if (value != null && !value.equals(vnfdValue)) {
            throw new CsarViolation("csar-invalid", file, "manifest " + key + " '" + value
                    + "' differs from the VNFD's '" + vnfdValue + "'");
        }
    }

    /** Copies one file of a stored CSAR (already known to exist: it is a recorded artifact). */
    static void copyEntry(Path csar, String path, java.io.OutputStream out) throws IOException {
        try (ZipFile zf = new ZipFile(csar.toFile(), StandardCharsets.UTF_8)) {
            var entry = zf.getEntry(path);
            if (entry == null || entry.isDirectory()) {
                throw new IOException("stored CSAR " + csar + " lost its entry " + path);
            }
            try (var in = zf.getInputStream(entry)) {
                in.transferTo(out);
            }
        }
    }
}
