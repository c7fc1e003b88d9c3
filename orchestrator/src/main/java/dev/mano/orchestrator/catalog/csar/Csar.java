package dev.mano.orchestrator.catalog.csar;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a SOL004 CSAR holds, read and checked.
 *
 * @param entryDefinitions the path of the main VNFD (TOSCA.meta Entry-Definitions)
 * @param texts descriptors, TOSCA.meta and the manifest, by path (UTF-8)
 * @param files every file with its checksum
 */
public record Csar(String entryDefinitions, Map<String, String> texts, List<CsarFile> files, Optional<Manifest> manifest) {
    public Csar {
        texts = Map.copyOf(texts);
        files = List.copyOf(files);
    }

    public boolean contains(String path) {
        return files.stream().anyMatch(f -> f.path().equals(path));
    }
}
