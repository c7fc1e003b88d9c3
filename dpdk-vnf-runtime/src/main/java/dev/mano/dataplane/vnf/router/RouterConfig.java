package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.packet.MacAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The router's configuration:
 * <pre>
 * router:
 *   ports: [net_pcap0, net_pcap1]   # the two ports it forwards between (rx on one, tx on the other)
 *   max-tbl8-groups: 256            # /24s that may hold routes longer than /24
 *   neighbours:
 *     - {name: gw1, port: net_pcap1, mac: "02:00:00:00:00:02"}   # source-mac defaults to the port's MAC
 *   routes:
 *     - {destination: 198.18.0.0/16, via: gw1}
 * </pre>
 */
public record RouterConfig(List<String> ports, List<Route> routes, List<Neighbour> neighbours, int maxTbl8Groups) {
    public static final Set<String> KEYS = Set.of("ports", "max-tbl8-groups", "neighbours", "routes");

    public RouterConfig {
        ports = List.copyOf(ports);
        routes = List.copyOf(routes);
        neighbours = List.copyOf(neighbours);
    }

    /** Reads the {@code router} section of a parsed config file. */
    public static RouterConfig from(ConfigNode router) {
        return from(router, null);
    }

    /** @param chainPorts the chain's ports when this section is a stage of a chain (then {@code ports} may be omitted) */
    public static RouterConfig from(ConfigNode router, List<String> chainPorts) {
        router.onlyKeys(KEYS);
        return new RouterConfig(portPair(router, chainPorts), routes(router, neighbours(router)), neighbours(router),
                router.integer("max-tbl8-groups", 256, 1, 0x7FFF));
    }

    /** The {@code ports: [a, b]} pair every bump-in-the-wire VNF section has. */
    public static List<String> portPair(ConfigNode section, List<String> fallback) {
        if (fallback != null && !section.has("ports")) {
            return fallback;
        }
        List<?> ports = section.list("ports");
        if (ports.size() != 2 || ports.get(0).equals(ports.get(1))) {
            throw section.error("ports", "expected two different port names like [net_pcap0, net_pcap1]");
        }
        return ports.stream().map(String::valueOf).toList();
    }

    static List<Neighbour> neighbours(ConfigNode router) {
        List<Neighbour> neighbours = new ArrayList<>();
        if (!router.has("neighbours")) {
            return neighbours;
        }
        for (ConfigNode node : router.nodes("neighbours")) {
            node.onlyKeys(Set.of("name", "port", "mac", "source-mac"));
            String name = node.string("name");
            if (neighbours.stream().anyMatch(n -> n.name().equals(name))) {
                throw node.error("name", "neighbour '" + name + "' is defined twice");
            }
            neighbours.add(new Neighbour(name, node.string("port"), mac(node, "mac"),
                    node.has("source-mac") ? mac(node, "source-mac") : null));
        }
        return neighbours;
    }

    static List<Route> routes(ConfigNode router, List<Neighbour> neighbours) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < neighbours.size(); i++) {
            byName.put(neighbours.get(i).name(), i);
        }
        List<Route> routes = new ArrayList<>();
        if (!router.has("routes")) {
            return routes;
        }
        for (ConfigNode node : router.nodes("routes")) {
            node.onlyKeys(Set.of("destination", "via"));
            String via = node.string("via");
            Integer nextHop = byName.get(via);
            if (nextHop == null) {
                throw node.error("via", "no neighbour named '" + via + "' (known: " + byName.keySet() + ")");
            }
            try {
                routes.add(Route.parse(node.string("destination"), nextHop));
            } catch (IllegalArgumentException e) {
                throw node.error("destination", e.getMessage());
            }
        }
        return routes;
    }

    public static MacAddress mac(ConfigNode node, String key) {
        try {
            return MacAddress.parse(node.string(key));
        } catch (IllegalArgumentException e) {
            throw node.error(key, e.getMessage());
        }
    }
}
