package dev.mano.orchestrator.vnflcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SOL003 VnfInstance as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VnfInstanceView(UUID id, String vnfInstanceName, String vnfInstanceDescription, String vnfdId, String vnfProvider,
                       String vnfProductName, String vnfSoftwareVersion, String vnfdVersion, UUID vnfPkgId,
                       String instantiationState, InstantiatedVnfInfo instantiatedVnfInfo, Map<String, Object> metadata,
                       @JsonProperty("_links") Map<String, Link> links) {

    record Link(String href) {}

    record InstantiatedVnfInfo(String flavourId, String instantiationLevelId, String vnfState,
                               List<ScaleInfo> scaleStatus, List<VnfcResourceInfo> vnfcResourceInfo) {}

    record ScaleInfo(String aspectId, int scaleLevel) {}

    /** @param computeResource vimConnectionId = the host, resourceId = the libvirt domain */
    record VnfcResourceInfo(UUID id, String vduId, ResourceHandle computeResource, Map<String, Object> metadata) {}

    record ResourceHandle(String vimConnectionId, String resourceId) {}

    static VnfInstanceView of(VnfInstance v, List<Vnfc> vnfcs, Map<UUID, String> hostNames) {
        String base = "/vnflcm/v1/vnf_instances/" + v.id();
        Map<String, Link> links = new java.util.LinkedHashMap<>();
        links.put("self", new Link(base));
        if (v.instantiated()) {
            for (String op : List.of("terminate", "scale", "heal", "operate")) links.put(op, new Link(base + "/" + op));
        } else {
            links.put("instantiate", new Link(base + "/instantiate"));
        }
        InstantiatedVnfInfo info = !v.instantiated() && vnfcs.isEmpty() ? null : new InstantiatedVnfInfo(v.flavourId(),
                v.instantiationLevelId(), v.vnfState(),
                v.scaleStatus().entrySet().stream().map(e -> new ScaleInfo(e.getKey(), e.getValue())).toList(),
                vnfcs.stream().map(c -> new VnfcResourceInfo(c.id(), c.vduId(),
                        new ResourceHandle(c.hostId().toString(), c.domainName()),
                        Map.of("host", hostNames.getOrDefault(c.hostId(), c.hostId().toString()), "state", c.state(),
                                "placementId", c.placementId().toString()))).toList());
        return new VnfInstanceView(v.id(), v.name(), v.description(), v.vnfdId(), v.provider(), v.productName(),
                v.softwareVersion(), v.vnfdVersion(), v.vnfPkgId(), v.instantiated() ? "INSTANTIATED" : "NOT_INSTANTIATED",
                info, v.nsInstanceId() == null ? Map.of() : Map.of("nsInstanceId", v.nsInstanceId().toString()), links);
    }
}
