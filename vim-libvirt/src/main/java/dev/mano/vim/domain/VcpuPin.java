package dev.mano.vim.domain;

import java.util.List;

/** Guest vCPU {@code vcpu} runs only on {@code hostCpus} (one CPU for a PMD lcore). */
public record VcpuPin(int vcpu, List<Integer> hostCpus) {
    public VcpuPin {
        if (vcpu < 0 || hostCpus.isEmpty()) {
            throw new IllegalArgumentException("vCPU " + vcpu + " needs at least one host CPU");
        }
        hostCpus = List.copyOf(hostCpus);
    }
}
