package dev.mano.orchestrator.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds CSAR zips inside the tests (no binary fixtures in the repository). */
final class TestCsars {
    private TestCsars() {}

    /** The probe VNFD with a fresh descriptor id, so every test onboards its own package. */
    static String probeVnfd(String descriptorId) {
        return VnfdParserTest.resource("/catalog/probe-vnfd.yaml").replace("probe-vnfd-1", descriptorId);
    }

    static String freshId() {
        return "probe-" + UUID.randomUUID();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A SOL004 CSAR: TOSCA.meta, Definitions/probe.yaml, Files/readme.txt and a manifest hashing both. */
    static Map<String, byte[]> csarFiles(String vnfd) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("TOSCA-Metadata/TOSCA.meta", utf8("""
                TOSCA-Meta-File-Version: 1.0
                CSAR-Version: 1.1
                Created-By: tests
                Entry-Definitions: Definitions/probe.yaml
                ETSI-Entry-Manifest: probe.mf
                """));
        files.put("Definitions/probe.yaml", utf8(vnfd));
        files.put("Files/readme.txt", utf8("an artifact\n"));
        files.put("probe.mf", utf8(manifest(files)));
        return files;
    }

    static String manifest(Map<String, byte[]> files) {
        StringBuilder mf = new StringBuilder("""
                metadata:
                vnf_provider_id: tests
                vnf_product_name: probe
                vnf_package_version: 2.0
                """);
        files.forEach((path, bytes) -> {
            if (!path.endsWith(".mf") && !path.startsWith("TOSCA-Metadata")) {
                mf.append("\nSource: ").append(path).append("\nAlgorithm: SHA-256\nHash: ").append(sha256(bytes)).append('\n');
            }
        });
        return mf.toString();
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
