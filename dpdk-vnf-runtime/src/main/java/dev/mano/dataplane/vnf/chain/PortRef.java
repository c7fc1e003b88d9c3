package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.packet.MacAddress;
import dev.mano.dataplane.port.Port;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A port as a VNF's tables refer to it: the name the config uses, the DPDK port id, its MAC. */
public record PortRef(String name, int id, MacAddress mac) {

    public static Map<String, PortRef> of(List<Port> ports) {
        Map<String, PortRef> refs = new LinkedHashMap<>();
        for (Port port : ports) {
            refs.put(port.name(), new PortRef(port.name(), port.id(), port.mac()));
        }
        return refs;
    }
}
