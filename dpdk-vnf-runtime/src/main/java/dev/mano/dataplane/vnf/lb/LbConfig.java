package dev.mano.dataplane.vnf.lb;

import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.packet.MacAddress;
import dev.mano.dataplane.vnf.router.Ipv4Address;
import dev.mano.dataplane.vnf.router.RouterConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The load balancer's configuration:
 * <pre>
 * lb:
 *   ports: [clients, servers]
 *   source-mac: "02:00:00:00:10:01"     # optional: the MAC we send from (default: the transmitting port's)
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
public record LbConfig(List<String> ports, MacAddress sourceMac, int tableSize, List<VirtualService> services) {
    public static final Set<String> KEYS = Set.of("ports", "source-mac", "table-size", "services");

    public static LbConfig from(ConfigNode lb) {
        return from(lb, null);
    }

    /** @param chainPorts the chain's ports when this section is a stage of a chain */
    public static LbConfig from(ConfigNode lb, List<String> chainPorts) {
        lb.onlyKeys(KEYS);
        return new LbConfig(RouterConfig.portPair(lb, chainPorts), lb.has("source-mac") ? RouterConfig.mac(lb, "source-mac") : null,
                lb.integer("table-size", MaglevTable.DEFAULT_SIZE, 7, 16_777_259), services(lb));
    }

    /** The services of a section (also what a reload reads). */
    public static List<VirtualService> services(ConfigNode lb) {
        List<VirtualService> services = new ArrayList<>();
        for (ConfigNode node : lb.nodes("services")) {
            node.onlyKeys(Set.of("name", "vip", "port", "protocol", "backends"));
            List<Backend> backends = new ArrayList<>();
            if (node.has("backends")) {
                for (ConfigNode b : node.nodes("backends")) {
                    b.onlyKeys(Set.of("name", "mac", "healthy"));
                    String healthy = b.optionalString("healthy").orElse("true");
                    if (!healthy.equals("true") && !healthy.equals("false")) {
                        throw b.error("healthy", "expected true or false, got '" + healthy + "'");
                    }
                    backends.add(new Backend(b.string("name"), RouterConfig.mac(b, "mac"), Boolean.parseBoolean(healthy)));
                }
            }
            int protocol = switch (node.optionalString("protocol").orElse("tcp").trim().toLowerCase(Locale.ROOT)) {
                case "tcp" -> 6;
                case "udp" -> 17;
                default -> throw node.error("protocol", "expected tcp or udp");
            };
            int vip;
            try {
                vip = Ipv4Address.parse(node.string("vip"));
            } catch (IllegalArgumentException e) {
                throw node.error("vip", e.getMessage());
            }
            try {
                services.add(new VirtualService(node.string("name"), vip, node.integer("port", 0, 1, 65535), protocol, backends));
            } catch (IllegalArgumentException e) {
                throw node.error(e.getMessage());
            }
        }
        return services;
    }
}
