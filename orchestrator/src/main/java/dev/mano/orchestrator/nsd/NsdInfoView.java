package dev.mano.orchestrator.nsd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SOL005 NsdInfo, plus the parsed chain so a UI can draw it before instantiating. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NsdInfoView(UUID id, String nsdId, String nsdName, String nsdVersion, String nsdDesigner, String nsdInvariantId,
                   String nsdOnboardingState, String nsdOperationalState, String nsdUsageState,
                   Map<String, Object> userDefinedData, List<Nsd.NsdVnf> vnfs, List<Nsd.NsdLink> links,
                   @JsonProperty("_links") Map<String, Map<String, String>> links_) {

    static NsdInfoView of(NsDescriptor d, Nsd parsed, boolean inUse) {
        String self = "/nsd/v1/ns_descriptors/" + d.id();
        return new NsdInfoView(d.id(), d.nsdId(), d.name(), d.version(), d.designer(), d.invariantId(),
                d.onboarded() ? "ONBOARDED" : "CREATED", d.enabled() ? "ENABLED" : "DISABLED", inUse ? "IN_USE" : "NOT_IN_USE",
                d.userDefinedData(), parsed == null ? null : parsed.chain(), parsed == null ? null : parsed.links(),
                Map.of("self", Map.of("href", self), "nsd_content", Map.of("href", self + "/nsd_content")));
    }
}
