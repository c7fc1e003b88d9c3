package dev.mano.orchestrator.catalog;

import static dev.mano.orchestrator.catalog.TestCsars.csarFiles;
import static dev.mano.orchestrator.catalog.TestCsars.probeVnfd;
import static dev.mano.orchestrator.catalog.TestCsars.utf8;
import static dev.mano.orchestrator.catalog.TestCsars.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mano.orchestrator.catalog.csar.Csar;
import dev.mano.orchestrator.catalog.csar.CsarLimits;
import dev.mano.orchestrator.catalog.csar.CsarReader;
import dev.mano.orchestrator.catalog.csar.CsarViolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSAR reader on its own, with small limits so every limit is reached cheaply. */
class CsarReaderTest {
    @TempDir Path dir;
    private final CsarLimits generous = new CsarLimits(100, 10 << 20, 100, 1 << 20);

    private Path write(byte[] zip) throws IOException {
        return Files.write(Files.createTempFile(dir, "csar", ".zip"), zip);
    }

    private CsarViolation refusal(CsarLimits limits, byte[] zip) throws IOException {
        Path file = write(zip);
        return (CsarViolation) org.assertj.core.api.Assertions.catchThrowable(() -> new CsarReader(limits).read(file));
    }

    @Test
    void readsMetaManifestAndHashes() throws IOException {
        Map<String, byte[]> files = csarFiles(probeVnfd("x"));
        Csar csar = new CsarReader(generous).read(write(zip(files)));
        assertThat(csar.entryDefinitions()).isEqualTo("Definitions/probe.yaml");
        assertThat(csar.texts()).containsKeys("Definitions/probe.yaml", "TOSCA-Metadata/TOSCA.meta", "probe.mf");
        assertThat(csar.manifest().orElseThrow().metadata()).containsEntry("vnf_product_name", "probe");
        assertThat(csar.files()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("Files/readme.txt");
            assertThat(f.hash()).isEqualTo(TestCsars.sha256(utf8("an artifact\n")));
        });
    }

    @Test
    void withoutToscaMetaTheSingleRootYamlIsTheEntry() throws IOException {
        Csar csar = new CsarReader(generous).read(write(zip(Map.of("probe.yaml", utf8(probeVnfd("y"))))));
        assertThat(csar.entryDefinitions()).isEqualTo("probe.yaml");
        assertThat(csar.manifest()).isEmpty();
    }

    @Test
    void enforcesEveryUnpackingLimitOnRealBytes() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(csarFiles(probeVnfd("z")));
        files.put("Files/random.bin", new java.util.Random(1).ints(3 << 20).collect(java.io.ByteArrayOutputStream::new,
                (o, i) -> o.write(i), (a, b) -> { }).toByteArray());
        byte[] bigButHonest = zip(files);
        assertThat(refusal(new CsarLimits(100, 2 << 20, 100, 1 << 20), bigButHonest).type()).isEqualTo("csar-zip-bomb");
        assertThat(new CsarReader(generous).read(write(bigButHonest)).files()).hasSize(5);

        assertThat(refusal(new CsarLimits(3, 10 << 20, 100, 1 << 20), zip(csarFiles(probeVnfd("z")))).type())
                .isEqualTo("csar-zip-bomb");
        Map<String, byte[]> zeros = new LinkedHashMap<>(csarFiles(probeVnfd("z")));
        zeros.put("Files/zeros", new byte[4 << 20]);
        CsarViolation ratio = refusal(generous, zip(zeros));
        assertThat(ratio.type()).isEqualTo("csar-zip-bomb");
        assertThat(ratio.file()).isEqualTo("Files/zeros");
        assertThat(refusal(new CsarLimits(100, 10 << 20, 100, 100), zip(csarFiles(probeVnfd("z")))).getMessage())
                .contains("larger than 100 bytes");
    }

    @Test
    void refusesBrokenArchives() throws IOException {
        assertThat(refusal(generous, utf8("PK\u0003\u0004 not really a zip")).type()).isEqualTo("csar-invalid");
        Map<String, byte[]> noEntry = new LinkedHashMap<>(csarFiles(probeVnfd("e")));
        noEntry.remove("Definitions/probe.yaml");
        assertThat(refusal(generous, zip(noEntry)).getMessage()).contains("Entry-Definitions");
        Map<String, byte[]> twoRoots = Map.of("a.yaml", utf8("x: 1"), "b.yaml", utf8("x: 2"));
        assertThat(refusal(generous, zip(twoRoots)).getMessage()).contains("exactly one YAML file");
    }

    @Test
    void namesThatLeaveTheRootAreRefused() throws IOException {
        for (String evil : new String[] {"../x", "a/../../x", "/abs", "C:/x", "a\\..\\x", "./x"}) {
            Map<String, byte[]> files = new LinkedHashMap<>(csarFiles(probeVnfd("t")));
            files.put(evil, utf8("x"));
            assertThat(refusal(generous, zip(files)).type()).as(evil).isEqualTo("csar-path-traversal");
        }
    }

    @Test
    void manifestMustListFilesThatExistAndMatch() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>(csarFiles(probeVnfd("m")));
        files.put("probe.mf", utf8(new String(files.get("probe.mf")) + "\nSource: Files/gone.bin\n"));
        assertThat(refusal(generous, zip(files)).getMessage()).contains("Files/gone.bin");
        files.put("probe.mf", utf8("Source: Files/readme.txt\nAlgorithm: MD5\nHash: 00\n"));
        assertThat(refusal(generous, zip(files)).getMessage()).contains("unsupported Algorithm");
        files.put("probe.mf", utf8("Source: Files/readme.txt\nAlgorithm: SHA-256\nHash: " + "0".repeat(64) + "\n"));
        assertThatThrownBy(() -> new CsarReader(generous).read(write(zip(files))))
                .isInstanceOfSatisfying(CsarViolation.class, v -> assertThat(v.type()).isEqualTo("manifest-hash-mismatch"));
    }
}
