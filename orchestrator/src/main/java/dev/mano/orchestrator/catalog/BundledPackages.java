package dev.mano.orchestrator.catalog;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.csar.CsarReader;
import dev.mano.orchestrator.catalog.vnfd.VnfdParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Onboards the VNF packages shipped in the jar ({@code vnf-packages/<name>/}, CSAR source trees
 * from the repository root) on start, through the same upload path as the API. Idempotent: a
 * package whose vnfdId is already onboarded is skipped, so restarts and upgrades are quiet.
 */
@Component
@Order(10)
class BundledPackages implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BundledPackages.class);
    private static final String META = "TOSCA-Metadata/TOSCA.meta";

    private final VnfPackageService service;
    private final VnfPackageRepository packages;
    private final PackageStore store;
    private final CatalogProperties props;

    BundledPackages(VnfPackageService service, VnfPackageRepository packages, PackageStore store, CatalogProperties props) {
        this.service = service;
        this.packages = packages;
        this.store = store;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!props.onboardBundled()) {
            return;
        }
        var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        for (Resource meta : resolver.getResources("classpath*:vnf-packages/*/" + META)) {
            String root = meta.getURL().toString();
            root = root.substring(0, root.length() - META.length());
            Path zip = store.newTempFile();
            try {
                String name = zip(resolver, root, zip);
                onboard(name, zip);
            } finally {
                store.deleteQuietly(zip);
            }
        }
    }

    private void onboard(String name, Path zip) throws IOException {
        String vnfdId = null;
        try {
            var csar = new CsarReader(props.csarLimits()).read(zip);
            vnfdId = new VnfdParser().parse(csar.entryDefinitions(), csar.texts().get(csar.entryDefinitions()), csar::contains)
                    .descriptorId();
        } catch (RuntimeException e) {
            // Onboard it anyway: the failure then shows in the catalog as an ERROR package.
        }
        if (vnfdId != null && packages.existsByVnfdIdAndOnboardingState(vnfdId, OnboardingState.ONBOARDED)) {
            log.debug("Bundled VNF package {} (vnfdId {}) is already onboarded", name, vnfdId);
            return;
        }
        VnfPackage p = service.create(Map.of("bundled", true, "name", name));
        try (InputStream in = Files.newInputStream(zip)) {
            service.upload(p.id(), in);
            log.info("Bundled VNF package {} onboarded as {}", name, p.id());
        } catch (ApiProblem e) {
            log.error("Bundled VNF package {} was refused: {} {}", name, e.getMessage(), e.properties());
        }
    }

    /** Zips one package tree; entry names are relative to the package root. Returns its name. */
    private static String zip(PathMatchingResourcePatternResolver resolver, String root, Path zip) throws IOException {
        Map<String, Resource> files = new TreeMap<>();
        for (Resource r : resolver.getResources(root + "**")) {
            String url = r.getURL().toString();
            if (!url.endsWith("/") && r.isReadable() && url.startsWith(root)) {
                files.put(url.substring(root.length()), r);
            }
        }
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zos = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                zos.putNextEntry(new ZipEntry(e.getKey()));
                try (InputStream in = e.getValue().getInputStream()) {
                    in.transferTo(zos);
                }
                zos.closeEntry();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        String trimmed = root.substring(0, root.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
