package dev.mano.vim.domain;

import dev.mano.vim.inventory.HostTopology;

import java.util.List;

/**
 * CPU features a host cannot give its guests although it lists them. Measured on a nested KVM host (AMD EPYC
 * under a hypervisor, QEMU 7.2): any guest CPU that includes {@code arch-capabilities} (host-passthrough,
 * host-model, maximum) dies at start with "failed to set MSR 0x10a"; disabling that one feature lets
 * host-passthrough start. On bare metal nothing is taken away.
 */
public final class CpuFeatureWorkarounds {
    private CpuFeatureWorkarounds() {
    }

    public static List<String> forHost(HostTopology host) {
        return host.kvm() && host.nestedVirtualization() ? List.of("arch-capabilities") : List.of();
    }
}
