package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.packet.MacAddress;
import dev.mano.dataplane.vnf.chain.ConfigNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The router's configuration:
 * <pre>
 * router:
 *   max-tbl8-groups: 256          # /24s that may hold routes longer than /24
 *   neighbours:
 *     - {name: gw1, port: 1, mac: "02:00:00:00:00:02", source-mac: "02:00:00:00:01:01"}
 *   routes:
 *     - {destination: 198.18.0.0/16, via: gw1}
 * </pre>
 */
public record RouterConfig(List<Route> routes, List<Neighbour> neighbours, int maxTbl8Groups) {
    public RouterConfig {
        routes = List.copyOf(routes);
        neighbours = List.copyOf(neighbours);
    }

    /** Reads the {@code router} section of a parsed config file. */
    public static RouterConfig from(ConfigNode router) {
        List<Neighbour> neighbours = new ArrayList<>();
        Map<String, Integer> byName = new HashMap<>();
        for (ConfigNode node : router.listOr("neighbours")) {
            String name = node.get("name").text();
            if (byName.putIfAbsent(name, neighbours.size()) != null) {
                throw node.get("name").invalid("neighbour '" + name + "' is defined twice");
            }
            neighbours.add(new Neighbour(node.get("port").integer(), node.get("mac").as(MacAddress::parse),
                    node.get("source-mac").as(MacAddress::parse)));
        }
        List<Route> routes = new ArrayList<>();
        for (ConfigNode node : router.listOr("routes")) {
            String via = node.get("via").text();
            Integer nextHop = byName.get(via);
            if (nextHop == null) {
                throw node.get("via").invalid("no neighbour named '" + via + "' (known: " + byName.keySet() + ")");
            }
            routes.add(node.get("destination").as(text -> Route.parse(text, nextHop)));
        }
        int groups = router.getOr("max-tbl8-groups", 256).integer();
        return new RouterConfig(routes, neighbours, groups);
    }
}
