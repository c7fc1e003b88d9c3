package dev.mano.dataplane.vnf.lb;

import dev.mano.dataplane.packet.MacAddress;
import dev.mano.dataplane.vnf.chain.ConfigNode;
import dev.mano.dataplane.vnf.router.Ipv4Address;

import java.util.ArrayList;
import java.util.List;

/**
 * The load balancer's configuration:
 * <pre>
 * lb:
 *   source-mac: "02:00:00:00:10:01"     # the MAC we send from
 *   table-size: 65537                   # prime
 *   services:
 *     - name: web
 *       vip: 10.0.0.100
 *       port: 80
 *       protocol: tcp
 *       backends:
 *         - {name: web-1, mac: "02:00:00:00:20:01"}
 *         - {name: web-2, mac: "02:00:00:00:20:02", healthy: false}
 * </pre>
 */
public record LbConfig(MacAddress sourceMac, int tableSize, List<VirtualService> services) {

    public static LbConfig from(ConfigNode lb) {
        List<VirtualService> services = new ArrayList<>();
        for (ConfigNode node : lb.get("services").list()) {
            List<Backend> backends = new ArrayList<>();
            for (ConfigNode b : node.listOr("backends")) {
                backends.add(new Backend(b.get("name").text(), b.get("mac").as(MacAddress::parse),
                        b.getOr("healthy", true).bool()));
            }
            int protocol = node.getOr("protocol", "tcp").as(text -> switch (text.trim().toLowerCase()) {
                case "tcp" -> 6;
                case "udp" -> 17;
                default -> throw new IllegalArgumentException("protocol must be tcp or udp");
            });
            try {
                services.add(new VirtualService(node.get("name").text(), node.get("vip").as(Ipv4Address::parse),
                        node.get("port").integer(), protocol, backends));
            } catch (IllegalArgumentException e) {
                throw node.invalid(e.getMessage());
            }
        }
        return new LbConfig(lb.get("source-mac").as(MacAddress::parse),
                lb.getOr("table-size", MaglevTable.DEFAULT_SIZE).integer(), services);
    }
}
