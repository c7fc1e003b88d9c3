package dev.mano.orchestrator.hosts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A host as {@code GET /vim/v1/hosts/{id}} shows it: topology, and for every CPU, page pool and VF
 * who holds it.
 *
 * @param unplacedVfs VFs whose NUMA cell the host does not report (never placed)
 */
public record HostView(UUID id, String name, String libvirtUri, String state, String stateReason, String hostname,
                       String cpuModel, boolean kvm, String isolatedCpus, Map<String, String> physicalNetworks,
                       OffsetDateTime registeredAt, OffsetDateTime refreshedAt, List<Cell> cells, List<Vf> unplacedVfs) {

    public record Cell(int id, long memoryKib, Summary summary, List<CpuHolder> cpus, List<Pool> hugepages, List<Vf> vfs) {}

    /** Free/used per cell: what placement can still give. */
    public record Summary(int isolatedCpus, int freeIsolatedCpus, int usedIsolatedCpus, List<Integer> housekeepingCpus,
                          int vfs, int freeVfs, Map<String, Integer> freeVfsPerNetwork) {}

    /** @param heldBy the VNFC holding it, null when free; purpose PMD or SIBLING (reserved with a whole core) */
    public record CpuHolder(int id, int socketId, int coreId, List<Integer> siblings, boolean isolated, UUID heldBy,
                            String purpose) {}

    /** @param free total - allocated (what placement can give); hostFree is the kernel's figure at the last refresh */
    public record Pool(long pageSizeKib, long total, long allocated, long free, long hostFree, List<PageHolder> holders) {}

    public record PageHolder(UUID vnfcId, long pages) {}

    public record Vf(String pciAddress, int vfIndex, String pfPciAddress, String pfNetdev, String physicalNetwork,
                     UUID heldBy) {}
}
