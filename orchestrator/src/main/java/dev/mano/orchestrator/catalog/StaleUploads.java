package dev.mano.orchestrator.catalog;

import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases packages whose upload was cut off by a crash or restart of the replica that ran it:
 * UPLOADING goes back to CREATED (upload again), PROCESSING goes to ERROR. Only rows untouched
 * for {@code mano.catalog.stale-upload-after}, so live uploads on other replicas are left alone.
 * The temp file of such an upload is in that replica's tmp directory and never referenced.
 */
@Component
class StaleUploads {
    private static final Logger log = LoggerFactory.getLogger(StaleUploads.class);
    static final String INTERRUPTED = "{\"type\":\"urn:mano:problem:processing-interrupted\",\"title\":\"Processing interrupted\","
            + "\"status\":500,\"detail\":\"the orchestrator stopped while processing this package; upload it again to a new package\"}";

    private final VnfPackageRepository packages;
    private final CatalogProperties props;

    StaleUploads(VnfPackageRepository packages, CatalogProperties props) {
        this.packages = packages;
        this.props = props;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 600_000)
    @Transactional
    public void release() {
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime before = now.minus(props.staleUploadAfter());
        int uploads = packages.releaseStaleUploads(before, now);
        int processing = packages.failStaleProcessing(before, now, INTERRUPTED);
        if (uploads + processing > 0) {
            log.warn("Released {} interrupted uploads and failed {} interrupted onboardings", uploads, processing);
        }
    }
}
