package dev.mano.orchestrator.catalog.csar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.nio.ByteBuffer;

/**
 * Reads a SOL004 CSAR (TOSCA.meta, Definitions, manifest) without unpacking it to disk: every
 * entry is streamed once, counted against {@link CsarLimits} and hashed; descriptor texts are
 * kept in memory. Refuses traversal names, duplicate names and zip bombs before they cost much.
 */
public final class CsarReader {
    public static final String TOSCA_META = "TOSCA-Metadata/TOSCA.meta";
    private static final Set<String> TEXT_SUFFIXES = Set.of(".yaml", ".yml", ".meta", ".mf");
    private static final Map<String, String> ALGORITHMS = Map.of(
            "SHA-256", "SHA-256", "SHA256", "SHA-256",
            "SHA-384", "SHA-384", "SHA384", "SHA-384",
            "SHA-512", "SHA-512", "SHA512", "SHA-512");

    private final CsarLimits limits;

    public CsarReader(CsarLimits limits) {
        this.limits = limits;
    }

    public Csar read(Path zip) {
        try (ZipFile zf = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            List<ZipEntry> entries = checkedEntries(zf);
            Map<String, ZipEntry> byName = new LinkedHashMap<>();
            entries.forEach(e -> byName.put(e.getName(), e));

            String entryDefinitions;
            Optional<String> manifestPath;
            if (byName.containsKey(TOSCA_META)) {
                Map<String, String> meta = toscaMeta(readText(zf, byName.get(TOSCA_META)));
                entryDefinitions = meta.get("Entry-Definitions");
                if (entryDefinitions == null) {
                    throw new CsarViolation("csar-invalid", TOSCA_META, "TOSCA.meta has no Entry-Definitions");
                }
                manifestPath = Optional.ofNullable(meta.get("ETSI-Entry-Manifest"));
            } else {
                List<String> rootYaml = byName.keySet().stream()
                        .filter(n -> !n.contains("/") && (n.endsWith(".yaml") || n.endsWith(".yml"))).toList();
                if (rootYaml.size() != 1) {
                    throw new CsarViolation("csar-invalid", "(archive)", "without " + TOSCA_META
                            + " the archive must hold exactly one YAML file at its root, found " + rootYaml);
                }
                entryDefinitions = rootYaml.getFirst();
                manifestPath = Optional.empty();
            }
            if (!byName.containsKey(entryDefinitions)) {
                throw new CsarViolation("csar-invalid", entryDefinitions, "Entry-Definitions names a file the archive does not hold");
            }
            if (manifestPath.isEmpty()) {
                String base = entryDefinitions.replaceFirst("^.*/", "").replaceFirst("\\.ya?ml$", "");
                List<String> rootMf = byName.keySet().stream().filter(n -> !n.contains("/") && n.endsWith(".mf")).toList();
                manifestPath = rootMf.contains(base + ".mf") ? Optional.of(base + ".mf")
                        : rootMf.size() == 1 ? Optional.of(rootMf.getFirst()) : Optional.empty();
            }
            Optional<Manifest> manifest = Optional.empty();
            if (manifestPath.isPresent()) {
                ZipEntry mf = byName.get(manifestPath.get());
                if (mf == null) {
                    throw new CsarViolation("csar-invalid", manifestPath.get(), "the manifest named by TOSCA.meta is missing");
                }
                manifest = Optional.of(Manifest.parse(mf.getName(), readText(zf, mf)));
            }
            Map<String, String> algorithmOf = new HashMap<>();
            manifest.ifPresent(m -> m.sources().forEach(s -> s.algorithm().ifPresent(a -> algorithmOf.put(s.path(), algorithm(m, s, a)))));

            Map<String, String> texts = new LinkedHashMap<>();
            List<CsarFile> files = new ArrayList<>();
            long[] unpacked = {0};
            for (ZipEntry e : entries) {
                if (e.isDirectory()) continue;
                String algorithm = algorithmOf.getOrDefault(e.getName(), "SHA-256");
                boolean text = TEXT_SUFFIXES.stream().anyMatch(s -> e.getName().toLowerCase(Locale.ROOT).endsWith(s));
                ByteArrayOutputStream keep = text ? new ByteArrayOutputStream() : null;
                MessageDigest digest = digest(algorithm);
                long size = stream(zf, e, digest, keep, unpacked);
                files.add(new CsarFile(e.getName(), algorithm, HexFormat.of().formatHex(digest.digest()), size));
                if (keep != null) {
                    texts.put(e.getName(), utf8(e.getName(), keep.toByteArray()));
                }
            }
            manifest.ifPresent(m -> verify(m, files));
            return new Csar(entryDefinitions, texts, files, manifest);
        } catch (ZipException e) {
            throw new CsarViolation("csar-invalid", "(archive)", "not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new CsarViolation("csar-invalid", "(archive)", "the archive could not be read: " + e.getMessage());
        }
    }

    private List<ZipEntry> checkedEntries(ZipFile zf) {
        List<ZipEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ZipEntry e : Collections.list(zf.entries())) {
            if (entries.size() >= limits.maxEntries()) {
                throw new CsarViolation("csar-zip-bomb", "(archive)", "more than " + limits.maxEntries() + " entries");
            }
            String name = e.getName();
            if (!safeName(name)) {
                throw new CsarViolation("csar-path-traversal", name,
                        "entry name is absolute or leaves the archive root (no '/', '\\\\', drive letters or '..' segments)");
            }
            if (!names.add(name)) {
                throw new CsarViolation("csar-invalid", name, "the archive holds this name twice");
            }
            entries.add(e);
        }
        return entries;
    }

    static boolean safeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || name.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** Streams one entry into the digest (and {@code keep}), enforcing every limit on real bytes. */
    private long stream(ZipFile zf, ZipEntry e, MessageDigest digest, ByteArrayOutputStream keep, long[] unpacked)
            throws IOException {
        long compressed = Math.max(e.getCompressedSize(), 1);
        long size = 0;
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = zf.getInputStream(e)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                size += n;
                unpacked[0] += n;
                if (unpacked[0] > limits.maxUnpackedBytes()) {
                    throw new CsarViolation("csar-zip-bomb", e.getName(),
                            "the archive unpacks to more than " + limits.maxUnpackedBytes() + " bytes");
                }
                if (size > (1 << 20) && size / compressed > limits.maxCompressionRatio()) {
                    throw new CsarViolation("csar-zip-bomb", e.getName(),
                            "entry expands more than " + limits.maxCompressionRatio() + " times");
                }
                if (keep != null) {
                    if (size > limits.maxTextBytes()) {
                        throw new CsarViolation("csar-invalid", e.getName(),
                                "descriptor/metadata file larger than " + limits.maxTextBytes() + " bytes");
                    }
                    keep.write(buf, 0, n);
                }
                digest.update(buf, 0, n);
            }
        }
        return size;
    }

    private String readText(ZipFile zf, ZipEntry e) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream(zf, e, digest("SHA-256"), out, new long[] {0});
        return utf8(e.getName(), out.toByteArray());
    }

    private static Map<String, String> toscaMeta(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    private static String algorithm(Manifest m, Manifest.Source s, String declared) {
        String a = ALGORITHMS.get(declared.toUpperCase(Locale.ROOT));
        if (a == null) {
            throw new CsarViolation("csar-invalid", m.file(), "Source " + s.path() + ": unsupported Algorithm '"
                    + declared + "' (expected SHA-256, SHA-384 or SHA-512)");
        }
        return a;
    }

    private static void verify(Manifest m, List<CsarFile> files) {
        Map<String, CsarFile> byPath = new HashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        for (Manifest.Source s : m.sources()) {
            if (s.path().matches("(?i)https?://.*")) {
                continue; // external artifacts are not part of the archive
            }
            CsarFile f = byPath.get(s.path());
            if (f == null) {
                throw new CsarViolation("csar-invalid", m.file(), "manifest lists " + s.path() + ", which the archive does not hold");
            }
            if (s.hash().isPresent() && !s.hash().get().equalsIgnoreCase(f.hash())) {
                throw new CsarViolation("manifest-hash-mismatch", s.path(), "the " + f.algorithm() + " of " + s.path()
                        + " is " + f.hash() + ", the manifest says " + s.hash().get());
            }
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static String utf8(String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CsarViolation("csar-invalid", file, "not UTF-8 text");
        }
    }
}
