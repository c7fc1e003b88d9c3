package dev.mano.orchestrator.nsd;

import dev.mano.orchestrator.api.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** SOL005 {@code /nsd/v1/ns_descriptors}. */
@RestController
@RequestMapping("/nsd/v1/ns_descriptors")
class NsdController {
    static final int MAX_NSD_BYTES = 1 << 20;
    private final NsdCatalog catalog;

    NsdController(NsdCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    ResponseEntity<NsdInfoView> create(@RequestBody(required = false) Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> userDefined = body == null ? Map.of() : (Map<String, Object>) body.getOrDefault("userDefinedData", Map.of());
        NsDescriptor d = catalog.create(userDefined);
        return ResponseEntity.created(URI.create("/nsd/v1/ns_descriptors/" + d.id())).body(view(d));
    }

    @GetMapping
    List<NsdInfoView> list() {
        return catalog.list().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    NsdInfoView get(@PathVariable UUID id) {
        return view(catalog.get(id));
    }

    @PutMapping(path = "/{id}/nsd_content", consumes = {"application/yaml", "application/x-yaml", "text/plain", "text/yaml"})
    ResponseEntity<NsdInfoView> upload(@PathVariable UUID id, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_NSD_BYTES + 1);
        if (bytes.length > MAX_NSD_BYTES) throw ApiProblem.tooLarge(MAX_NSD_BYTES);
        return ResponseEntity.accepted().body(view(catalog.upload(id, new String(bytes, StandardCharsets.UTF_8))));
    }

    @GetMapping(path = "/{id}/nsd_content", produces = "application/yaml")
    String content(@PathVariable UUID id) {
        NsDescriptor d = catalog.get(id);
        if (!d.onboarded()) throw ApiProblem.conflict("nsd-state-conflict", "NS descriptor " + id + " has no content yet");
        return d.content();
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    NsdInfoView modify(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        Object state = body.get("nsdOperationalState");
        if (!"ENABLED".equals(state) && !"DISABLED".equals(state)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-modification", "Invalid modification",
                    "nsdOperationalState must be ENABLED or DISABLED").with("field", "nsdOperationalState");
        }
        return view(catalog.setEnabled(id, "ENABLED".equals(state)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        catalog.delete(id);
        return ResponseEntity.noContent().build();
    }

    private NsdInfoView view(NsDescriptor d) {
        Nsd parsed = null;
        if (d.onboarded()) {
            try {
                parsed = catalog.parse(d.content());
            } catch (ApiProblem constituentGone) {
                // a constituent VNF package was disabled since: the descriptor still shows, without its chain
            }
        }
        return NsdInfoView.of(d, parsed, catalog.inUse(d.id()));
    }
}
