package dev.mano.orchestrator.nsd;

import dev.mano.orchestrator.api.ApiProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Onboards the NS descriptors shipped in {@code ns-descriptors/} on start, after the bundled VNF
 * packages they chain (order 10): idempotent, an nsdId already onboarded is left alone.
 */
@Component
@Order(20)
class BundledNsDescriptors implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BundledNsDescriptors.class);
    private final NsdCatalog catalog;
    private final boolean enabled;

    BundledNsDescriptors(NsdCatalog catalog, @Value("${mano.catalog.onboard-bundled:true}") boolean enabled) {
        this.catalog = catalog;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) return;
        var resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        for (Resource r : resolver.getResources("classpath*:ns-descriptors/*.yaml")) {
            String yaml = r.getContentAsString(StandardCharsets.UTF_8);
            try {
                Nsd nsd = catalog.parse(yaml);
                if (catalog.deployable(nsd.nsdId()).isPresent()
                        || catalog.list().stream().anyMatch(d -> nsd.nsdId().equals(d.nsdId()))) {
                    continue;
                }
                NsDescriptor d = catalog.create(Map.of("bundled", true));
                catalog.upload(d.id(), yaml);
                log.info("Bundled NS descriptor {} onboarded as {}", nsd.nsdId(), d.id());
            } catch (ApiProblem e) {
                log.error("Bundled NS descriptor {} was refused: {} {}", r.getFilename(), e.getMessage(), e.properties());
            } catch (RuntimeException e) {
                // never keep the orchestrator from starting over a bundled example
                log.error("Bundled NS descriptor {} could not be onboarded: {}", r.getFilename(), e.toString());
            }
        }
    }
}
