package dev.mano.vnfm.monitoring;

import java.util.Map;

/**
 * A VNF indicator as ETSI GS NFV-SOL 002 shapes it ({@code VnfIndicator}): a named value
 * of one VNF instance, with links to itself and the instance.
 */
public record VnfIndicator(String id, String name, Object value, String vnfInstanceId,
                           Map<String, Link> _links) {

    public record Link(String href) {
    }

    static VnfIndicator of(String vnfInstanceId, String id, String name, Object value) {
        return new VnfIndicator(id, name, value, vnfInstanceId, Map.of(
                "self", new Link("/vnfind/v1/indicators/" + vnfInstanceId + "/" + id),
                "vnfInstance", new Link("/vnflcm/v1/vnf_instances/" + vnfInstanceId)));
    }
}
