package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.api.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** ETSI SOL005 VNF package management: {@code /vnfpkgm/v1/vnf_packages}. */
@RestController
@RequestMapping(VnfPkgInfoView.BASE)
class VnfPackageController {
    private final VnfPackageService service;
    private final VnfPkgInfoView view;
    private final CatalogProperties props;

    VnfPackageController(VnfPackageService service, VnfPkgInfoView view, CatalogProperties props) {
        this.service = service;
        this.view = view;
        this.props = props;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VnfPkgInfo> create(@RequestBody(required = false) CreateVnfPkgInfoRequest request) {
        VnfPkgInfo info = view.of(service.create(request == null ? null : request.userDefinedData()));
        return ResponseEntity.created(URI.create(info.links().self().href())).body(info);
    }

    @GetMapping
    List<VnfPkgInfo> list(@RequestParam Map<String, String> query) {
        var filter = PackageFilter.parse(query);
        return service.list().stream().filter(filter).map(view::of).toList();
    }

    @GetMapping("/{id}")
    VnfPkgInfo get(@PathVariable UUID id) {
        return view.of(service.get(id));
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE})
    VnfPkgInfoModifications modify(@PathVariable UUID id, @RequestBody VnfPkgInfoModifications changes) {
        if (changes.operationalState() == null && changes.userDefinedData() == null) {
            throw ApiProblem.badRequest("empty-modification", "set operationalState and/or userDefinedData");
        }
        service.modify(id, changes.operationalState(), changes.userDefinedData());
        return changes;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    /** A CSAR as the raw body (application/zip), or a bare VNFD (application/yaml, text/plain). */
    @PutMapping(path = "/{id}/package_content", consumes = {"application/zip", "application/x-zip-compressed",
            "application/octet-stream", "application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    ResponseEntity<Void> upload(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        service.get(id); // 404 before reading a body that may be large
        try {
            if (request.getContentLengthLong() > props.maxUploadBytes().toBytes()) {
                throw ApiProblem.tooLarge(props.maxUploadBytes().toBytes());
            }
            try (InputStream body = request.getInputStream()) {
                service.upload(id, body);
            }
        } catch (ApiProblem e) {
            if (e.status() == HttpStatus.CONTENT_TOO_LARGE) {
                // The rest of the body is never read: close the connection after the answer instead
                // of letting the server swallow what the client still sends (and cut the answer off).
                response.setHeader(HttpHeaders.CONNECTION, "close");
            }
            throw e;
        }
        return ResponseEntity.accepted().build();
    }

    /** The same as a {@code multipart/form-data} form with the package in part {@code file}. */
    @PutMapping(path = "/{id}/package_content", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Void> uploadForm(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
        service.get(id);
        if (file.getSize() > props.maxUploadBytes().toBytes()) {
            throw ApiProblem.tooLarge(props.maxUploadBytes().toBytes());
        }
        try (InputStream body = file.getInputStream()) {
            service.upload(id, body);
        }
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/{id}/package_content")
    ResponseEntity<Resource> content(@PathVariable UUID id) {
        VnfPackage p = service.get(id);
        var file = service.content(p);
        boolean csar = p.contentKind() == ContentKind.CSAR;
        return ResponseEntity.ok()
                .contentType(csar ? MediaType.parseMediaType("application/zip") : MediaType.parseMediaType("application/yaml"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + p.vnfProductName()
                        + (csar ? ".csar\"" : ".yaml\""))
                .body(new FileSystemResource(file));
    }

    /**
     * The VNFD: {@code text/plain} gives the bare YAML or the CSAR's entry definitions file;
     * {@code Accept: application/zip} (alone) gives every descriptor file with TOSCA.meta, as SOL005
     * describes for multi-file VNFDs.
     */
    @GetMapping("/{id}/vnfd")
    void vnfd(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
              HttpServletResponse response) throws IOException {
        VnfPackage p = service.get(id);
        service.content(p); // 409 before committing to a 200
        boolean zip = accept != null && accept.contains("application/zip") && !accept.contains("text/plain");
        if (zip) {
            response.setContentType("application/zip");
            service.copyVnfdFiles(p, response.getOutputStream());
        } else {
            response.setContentType("text/plain;charset=UTF-8");
            service.copyVnfd(p, response.getOutputStream());
        }
    }

    @GetMapping("/{id}/artifacts/{*artifactPath}")
    void artifact(@PathVariable UUID id, @PathVariable String artifactPath, HttpServletResponse response) throws IOException {
        VnfPackage p = service.get(id);
        var file = service.content(p);
        String path = artifactPath.startsWith("/") ? artifactPath.substring(1) : artifactPath;
        PackageArtifact artifact = p.artifacts().stream().filter(a -> a.path().equals(path)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("artifact", path + " of package " + id));
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setContentLengthLong(artifact.size());
        PackageContentReader.copyEntry(file, artifact.path(), response.getOutputStream());
    }
}
