package dev.mano.orchestrator.placement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.UUID;

/**
 * What one VNFC (one VM) needs from a host.
 *
 * @param vnfcId            the VNFC the resources are bound to; generated when null
 * @param name              for people: shows in plans and reasons
 * @param vcpus             vCPUs of the VM; those beyond {@code pmdCores} float on the cell's housekeeping CPUs
 * @param pmdCores          vCPUs that run PMD lcores: each pinned to a dedicated isolated host CPU
 * @param threadPolicy      how PMD vCPUs may share physical cores
 * @param memoryMib         guest memory, all of it from hugepages on the chosen cell(s)
 * @param hugepageSizeKib   page size, e.g. 2048 or 1048576
 * @param guestNumaNodes    1 keeps everything on one host cell; N splits PMDs and memory evenly over N cells
 * @param vfsPerNetwork     SR-IOV VFs needed per physical network; each VF's PF must sit on a chosen cell
 * @param vhostUserPorts    chain links over vhost-user (shared hugepage memory with the neighbour on the same host)
 * @param antiAffinityGroup VNFCs of one request in the same group land on different hosts; null for none
 */
public record VnfcNeeds(UUID vnfcId, String name, int vcpus, int pmdCores, ThreadPolicy threadPolicy,
                        long memoryMib, long hugepageSizeKib, int guestNumaNodes,
                        Map<String, Integer> vfsPerNetwork, int vhostUserPorts, String antiAffinityGroup) {
    public VnfcNeeds {
        vnfcId = vnfcId == null ? UUID.randomUUID() : vnfcId;
        threadPolicy = threadPolicy == null ? ThreadPolicy.ISOLATE : threadPolicy;
        hugepageSizeKib = hugepageSizeKib == 0 ? 2048 : hugepageSizeKib;
        guestNumaNodes = guestNumaNodes == 0 ? 1 : guestNumaNodes;
        vfsPerNetwork = vfsPerNetwork == null ? Map.of() : Map.copyOf(vfsPerNetwork);
        name = name == null || name.isBlank() ? vnfcId.toString() : name;
    }

    /** From JSON, where every number may be left out (0 or the default above). */
    @JsonCreator
    static VnfcNeeds fromJson(@JsonProperty("vnfcId") UUID vnfcId, @JsonProperty("name") String name,
                              @JsonProperty("vcpus") Integer vcpus, @JsonProperty("pmdCores") Integer pmdCores,
                              @JsonProperty("threadPolicy") ThreadPolicy threadPolicy,
                              @JsonProperty("memoryMib") Long memoryMib, @JsonProperty("hugepageSizeKib") Long hugepageSizeKib,
                              @JsonProperty("guestNumaNodes") Integer guestNumaNodes,
                              @JsonProperty("vfsPerNetwork") Map<String, Integer> vfsPerNetwork,
                              @JsonProperty("vhostUserPorts") Integer vhostUserPorts,
                              @JsonProperty("antiAffinityGroup") String antiAffinityGroup) {
        return new VnfcNeeds(vnfcId, name, orZero(vcpus), orZero(pmdCores), threadPolicy, orZero(memoryMib),
                orZero(hugepageSizeKib), orZero(guestNumaNodes), vfsPerNetwork, orZero(vhostUserPorts), antiAffinityGroup);
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private static long orZero(Long l) {
        return l == null ? 0 : l;
    }

    /** Hugepages needed in total, rounding the memory up to whole pages. */
    public long pages() {
        long kib = memoryMib * 1024;
        return (kib + hugepageSizeKib - 1) / hugepageSizeKib;
    }
}
