package dev.mano.orchestrator.nslcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.placement.PlacementService;
import dev.mano.orchestrator.vnflcm.LcmOpOcc;
import dev.mano.orchestrator.vnflcm.Vnfc;
import dev.mano.orchestrator.vnflcm.VnfInstance;
import dev.mano.orchestrator.vnflcm.VnfLifecycle;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** SOL005 NsInstance and NsLcmOpOcc as the API shows them, with what a person watching a chain needs. */
@Component
class NsViews {
    private final NsInstanceStore instances;
    private final NsLcmOpOccStore ops;
    private final VnfLifecycle vnfs;
    private final HostService hosts;
    private final PlacementService placement;

    NsViews(NsInstanceStore instances, NsLcmOpOccStore ops, VnfLifecycle vnfs, HostService hosts, PlacementService placement) {
        this.instances = instances;
        this.ops = ops;
        this.vnfs = vnfs;
        this.hosts = hosts;
        this.placement = placement;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NsInstanceView(UUID id, String nsInstanceName, String nsInstanceDescription, String nsdId, UUID nsdInfoId,
                          String nsState, List<MemberView> vnfInstance, List<RealisedLink> chainLinks,
                          List<RealisedLink> sapInfo,
                          @JsonProperty("_links") Map<String, Map<String, String>> links) {}

    /** A chain member: its VNF instance, where each of its VNFCs runs (host and NUMA cell). */
    record MemberView(int position, String vnfProfileId, UUID vnfInstanceId, String vnfdId, String vnfProductName,
                      String instantiationState, List<VnfcView> vnfcs) {}

    record VnfcView(UUID id, String vduId, String host, Integer cell, String domain, String state) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NsLcmOpOccView(UUID id, String operationState, OffsetDateTime stateEnteredTime, OffsetDateTime startTime,
                          UUID nsInstanceId, String lcmOperationType, boolean isAutomaticInvocation,
                          Map<String, Object> operationParams, boolean isCancelPending, Map<String, Object> error,
                          Progress progress, @JsonProperty("_links") Map<String, Map<String, String>> links) {}

    /** Per-VNF progress: the VNF operations this NS operation drove. */
    record Progress(String detail, int percent, List<VnfProgress> vnfs) {}

    record VnfProgress(UUID vnfInstanceId, UUID vnfLcmOpOccId, String operation, String operationState, int percent, String detail) {}

    NsInstanceView instance(NsInstance ns) {
        Map<UUID, String> hostNames = new HashMap<>();
        List<MemberView> members = instances.members(ns.id()).stream().map(m -> {
            VnfInstance v = vnfs.get(m.vnfInstanceId());
            List<VnfcView> vnfcs = vnfs.vnfcs(v.id()).stream().map(c -> new VnfcView(c.id(), c.vduId(),
                    hostNames.computeIfAbsent(c.hostId(), h -> hosts.ref(h).name()), cell(c), c.domainName(), c.state())).toList();
            return new MemberView(m.position(), m.memberNode(), v.id(), v.vnfdId(), v.productName(),
                    v.instantiated() ? "INSTANTIATED" : "NOT_INSTANTIATED", vnfcs);
        }).toList();
        String self = "/nslcm/v1/ns_instances/" + ns.id();
        List<RealisedLink> segments = instances.links(ns.id());
        Map<String, Map<String, String>> links = new LinkedHashMap<>();
        links.put("self", Map.of("href", self));
        for (String action : ns.instantiated() ? List.of("terminate", "scale", "heal") : List.of("instantiate")) {
            links.put(action, Map.of("href", self + "/" + action));
        }
        return new NsInstanceView(ns.id(), ns.name(), ns.description(), ns.nsdId(), ns.nsdInfoId(),
                ns.instantiated() ? "INSTANTIATED" : "NOT_INSTANTIATED", members,
                segments.stream().filter(l -> !l.pathKind().equals(LinkRealisation.SAP)).toList(),
                segments.stream().filter(l -> l.pathKind().equals(LinkRealisation.SAP)).toList(), links);
    }

    private Integer cell(Vnfc c) {
        return placement.find(c.placementId()).flatMap(p -> p.vnfcs().stream().filter(v -> v.vnfcId().equals(c.id())).findFirst())
                .map(v -> v.primaryCell()).orElse(null);
    }

    NsLcmOpOccView operation(NsLcmOpOcc op) {
        List<VnfProgress> perVnf = ops.vnfOperations(op.id()).stream()
                .map(pair -> vnfs.operation(pair[1]).map(o -> progress(pair[0], o)).orElse(null))
                .filter(p -> p != null).toList();
        int percent = switch (op.state()) {
            case COMPLETED, ROLLED_BACK -> 100;
            default -> perVnf.isEmpty() ? 0 : (int) perVnf.stream().mapToInt(VnfProgress::percent).average().orElse(0);
        };
        String self = "/nslcm/v1/ns_lcm_op_occs/" + op.id();
        Map<String, Map<String, String>> links = new LinkedHashMap<>();
        links.put("self", Map.of("href", self));
        links.put("nsInstance", Map.of("href", "/nslcm/v1/ns_instances/" + op.nsInstanceId()));
        if (op.state() == dev.mano.orchestrator.vnflcm.OperationState.FAILED_TEMP) {
            for (String action : List.of("retry", "rollback", "fail")) links.put(action, Map.of("href", self + "/" + action));
        }
        return new NsLcmOpOccView(op.id(), op.state().name(), op.stateEnteredTime(), op.startTime(), op.nsInstanceId(),
                op.operation().name(), false, op.params(), false, op.error(), new Progress(op.progressDetail(), percent, perVnf), links);
    }

    private static VnfProgress progress(UUID vnfId, LcmOpOcc o) {
        return new VnfProgress(vnfId, o.id(), o.operation().name(), o.state().name(), o.progress(), o.progressDetail());
    }
}
