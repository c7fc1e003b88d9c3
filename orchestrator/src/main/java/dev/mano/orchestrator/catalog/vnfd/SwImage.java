package dev.mano.orchestrator.catalog.vnfd;

import java.util.Optional;

/**
 * A VDU's sw_image_data. {@code imagePath} is the CSAR file of the image (SOL001's
 * sw_image artifact file); empty when the image comes from the platform (vnf-images).
 */
public record SwImage(
        String name,
        String version,
        String containerFormat,
        String diskFormat,
        long minDiskBytes,
        Optional<String> imagePath) {}
