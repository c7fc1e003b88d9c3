package dev.mano.orchestrator.catalog.vnfd;

import java.util.Locale;
import java.util.Optional;

/** Reads a VDU's capabilities.virtual_compute into {@link VirtualCompute}; see there for the mano.* keys. */
final class ComputeReader {
    private ComputeReader() {}

    static VirtualCompute read(YamlNode vdu) {
        YamlNode props = vdu.required("capabilities", "capabilities.virtual_compute (a VDU needs compute)")
                .required("virtual_compute", "virtual_compute with virtual_cpu and virtual_memory")
                .required("properties", "properties with virtual_cpu and virtual_memory");
        YamlNode cpu = props.required("virtual_cpu", "virtual_cpu with num_virtual_cpu");
        int vcpus = cpu.required("num_virtual_cpu", "the number of vCPUs").asInt("a vCPU count", 1, 256);
        YamlNode mem = props.required("virtual_memory", "virtual_memory with virtual_mem_size");
        long memory = ScalarUnits.bytes(mem.required("virtual_mem_size", "a memory size such as '2 GiB'"));

        YamlNode cpuReq = cpu.get("vdu_cpu_requirements");
        YamlNode memReq = mem.get("vdu_mem_requirements");
        if (!cpuReq.isMissing()) cpuReq.asMap();
        if (!memReq.isMissing()) memReq.asMap();

        CpuPolicy fromPinning = cpu.get("virtual_cpu_pinning").get("virtual_cpu_pinning_policy")
                .optString("static or dynamic")
                .map(p -> switch (p) {
                    case "static" -> CpuPolicy.DEDICATED;
                    case "dynamic" -> CpuPolicy.SHARED;
                    default -> throw cpu.get("virtual_cpu_pinning").get("virtual_cpu_pinning_policy")
                            .violation("static or dynamic", "unknown pinning policy '" + p + "'");
                })
                .orElse(null);
        YamlNode policyNode = cpuReq.get("mano.cpu_policy");
        CpuPolicy policy = policyNode.optString("dedicated or shared").map(p -> switch (p) {
            case "dedicated" -> CpuPolicy.DEDICATED;
            case "shared" -> CpuPolicy.SHARED;
            default -> throw policyNode.violation("dedicated or shared", "unknown CPU policy '" + p + "'");
        }).orElse(fromPinning == null ? CpuPolicy.SHARED : fromPinning);
        if (fromPinning != null && fromPinning != policy) {
            throw policyNode.violation(fromPinning == CpuPolicy.DEDICATED ? "dedicated" : "shared",
                    "mano.cpu_policy contradicts virtual_cpu_pinning_policy");
        }

        YamlNode threadNode = cpuReq.get("mano.cpu_thread_policy");
        Optional<ThreadPolicy> thread = threadNode.optString("isolate, prefer or require").map(t -> {
            try {
                return ThreadPolicy.valueOf(t.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw threadNode.violation("isolate, prefer or require", "unknown thread policy '" + t + "'");
            }
        });
        if (thread.isPresent() && policy != CpuPolicy.DEDICATED) {
            throw threadNode.violation("no thread policy, or mano.cpu_policy: dedicated",
                    "a thread policy only applies to dedicated CPUs");
        }
        int numa = cpuReq.get("mano.numa_nodes").isMissing() ? 1
                : cpuReq.get("mano.numa_nodes").asInt("a NUMA node count no larger than num_virtual_cpu", 1, vcpus);
        int pmd = cpuReq.get("mano.pmd_lcores").isMissing() ? 0
                : cpuReq.get("mano.pmd_lcores").asInt("a PMD lcore count no larger than num_virtual_cpu", 0, vcpus);

        YamlNode pageNode = memReq.get("mano.hugepage_size");
        PageSize pages = pageNode.optString("2MB or 1GB").map(p -> switch (p.replace(" ", "").toUpperCase(Locale.ROOT)) {
            case "2MB", "2MIB", "2048KB", "2048KIB" -> PageSize.HUGE_2M;
            case "1GB", "1GIB" -> PageSize.HUGE_1G;
            case "4KB", "4KIB", "SMALL" -> PageSize.SMALL_4K;
            default -> throw pageNode.violation("2MB or 1GB", "unsupported hugepage size '" + p + "'");
        }).orElse(PageSize.SMALL_4K);
        return new VirtualCompute(vcpus, memory, policy, thread, pages, numa, pmd);
    }
}
