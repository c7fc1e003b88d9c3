package dev.mano.vim.domain;

import java.util.Objects;

/**
 * Our metadata element in a domain's {@code <metadata>}: which VNFC, VNF instance and NS instance the domain
 * belongs to. Domains without it are not ours (the reconciler never touches them).
 */
public record VnfcMetadata(String vnfcId, String vnfInstanceId, String nsInstanceId) {
    /** XML namespace of the element; libvirt keys domain metadata by namespace URI. */
    public static final String NAMESPACE = "https://mano.dev/xmlns/libvirt-domain/1";
    public static final String PREFIX = "mano";
    public static final String ELEMENT = "vnfc";

    public VnfcMetadata {
        Objects.requireNonNull(vnfcId, "vnfcId");
        Objects.requireNonNull(vnfInstanceId, "vnfInstanceId");
    }
}
