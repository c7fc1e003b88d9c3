package dev.mano.vim.domain;

import dev.mano.vim.inventory.HostTopology;

/** How the guest CPU runs: hardware virtualization, or QEMU's TCG emulation where KVM is unavailable. */
public enum VirtType {
    KVM("kvm"),
    TCG("qemu");

    private final String domainType;

    VirtType(String domainType) {
        this.domainType = domainType;
    }

    /** The value of {@code <domain type=...>}. */
    public String domainType() {
        return domainType;
    }

    /** KVM where the host's inventory (capabilities + domain capabilities) says it works, TCG otherwise. */
    public static VirtType forHost(HostTopology host) {
        return host.kvm() ? KVM : TCG;
    }

    public static VirtType fromDomainType(String type) {
        return "kvm".equals(type) ? KVM : TCG;
    }
}
