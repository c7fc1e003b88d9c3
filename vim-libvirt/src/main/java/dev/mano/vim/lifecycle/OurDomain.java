package dev.mano.vim.lifecycle;

import dev.mano.vim.domain.VnfcMetadata;

/** A libvirt domain that carries our metadata element, with its state at the time of listing. */
public record OurDomain(String name, String uuid, VnfcMetadata metadata, DomainState state) {
}
