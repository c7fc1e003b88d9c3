package dev.mano.orchestrator.catalog.vnfd;

import java.util.Optional;

/**
 * What one VNFC needs from a host. SOL001 gives vCPUs and memory; the EPA details come from our
 * {@code mano.*} keys in SOL001's vendor maps {@code virtual_cpu.vdu_cpu_requirements} and
 * {@code virtual_memory.vdu_mem_requirements} (SOL001 has no typed field for them):
 * <ul>
 *   <li>{@code mano.cpu_policy}: dedicated | shared (defaults from
 *       {@code virtual_cpu_pinning.virtual_cpu_pinning_policy}: static = dedicated)</li>
 *   <li>{@code mano.cpu_thread_policy}: isolate | prefer | require (dedicated only)</li>
 *   <li>{@code mano.numa_nodes}: NUMA nodes the guest spans (default 1)</li>
 *   <li>{@code mano.pmd_lcores}: vCPUs that run DPDK poll-mode workers (default 0); the rest
 *       do housekeeping</li>
 *   <li>{@code mano.hugepage_size}: 2MB | 1GB (absent: ordinary pages)</li>
 * </ul>
 */
public record VirtualCompute(
        int vcpus,
        long memoryBytes,
        CpuPolicy cpuPolicy,
        Optional<ThreadPolicy> threadPolicy,
        PageSize pageSize,
        int numaNodes,
        int pmdLcores) {

    /** Pages of {@link #pageSize} the guest memory takes, rounded up. */
    public long pages() {
        return (memoryBytes + pageSize.bytes() - 1) / pageSize.bytes();
    }
}
