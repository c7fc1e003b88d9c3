package dev.mano.dataplane.vnf.nat44;

import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.vnf.router.Ipv4Address;
import dev.mano.dataplane.vnf.router.RouterConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The NAT's configuration:
 * <pre>
 * nat44:
 *   ports: [inside, outside]       # packets received on the first are source-translated
 *   pool: [203.0.113.1, 203.0.113.8/30]
 *   port-range: 1024-65535
 *   max-mappings: 1048576
 *   timeouts: {tcp: 7440, udp: 300, icmp: 60}   # seconds, refreshed by outbound packets (RFC 4787 REQ-6)
 *   static:
 *     - {protocol: tcp, external: "203.0.113.1:8080", internal: "10.0.0.5:80"}
 * </pre>
 */
public record Nat44Config(List<String> ports, int[] pool, int firstPort, int lastPort, int maxMappings,
                          int tcpTimeout, int udpTimeout, int icmpTimeout, List<StaticMapping> staticMappings) {
    public static final Set<String> KEYS = Set.of("ports", "pool", "port-range", "max-mappings", "timeouts", "static");

    public static Nat44Config from(ConfigNode nat) {
        return from(nat, null);
    }

    /** @param chainPorts the chain's ports when this section is a stage of a chain */
    public static Nat44Config from(ConfigNode nat, List<String> chainPorts) {
        nat.onlyKeys(KEYS);
        List<Integer> addresses = new ArrayList<>();
        List<?> pool = nat.list("pool");
        for (int i = 0; i < pool.size(); i++) {
            int[] cidr;
            try {
                cidr = Ipv4Address.parseCidr(String.valueOf(pool.get(i)));
            } catch (IllegalArgumentException e) {
                throw nat.error("pool[" + i + "]", e.getMessage());
            }
            if (cidr[1] < 16) {
                throw nat.error("pool[" + i + "]", "a pool prefix shorter than /16 is not supported");
            }
            for (long a = 0; a < 1L << (32 - cidr[1]); a++) {
                addresses.add(cidr[0] + (int) a);
            }
        }
        if (addresses.isEmpty()) {
            throw nat.error("pool", "at least one address is required");
        }
        int[] range;
        String rangeText = nat.optionalString("port-range").orElse("1024-65535");
        try {
            String[] parts = rangeText.split("-");
            range = new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            if (range[0] < 1 || range[1] > 65535 || range[0] > range[1]) {
                throw new NumberFormatException();
            }
        } catch (RuntimeException e) {
            throw nat.error("port-range", "expected N-M within 1-65535, got '" + rangeText + "'");
        }
        int tcp = 7440;
        int udp = 300;
        int icmp = 60;
        if (nat.has("timeouts")) {
            ConfigNode timeouts = nat.node("timeouts");
            timeouts.onlyKeys(Set.of("tcp", "udp", "icmp"));
            tcp = timeouts.integer("tcp", tcp, 1, 7 * 86_400);
            udp = timeouts.integer("udp", udp, 1, 86_400);
            icmp = timeouts.integer("icmp", icmp, 1, 86_400);
        }
        List<StaticMapping> statics = new ArrayList<>();
        if (nat.has("static")) {
            for (ConfigNode node : nat.nodes("static")) {
                statics.add(staticMapping(node));
            }
        }
        return new Nat44Config(RouterConfig.portPair(nat, chainPorts), addresses.stream().mapToInt(Integer::intValue).toArray(),
                range[0], range[1], nat.integer("max-mappings", 1 << 20, 16, 1 << 26), tcp, udp, icmp, statics);
    }

    static StaticMapping staticMapping(ConfigNode node) {
        node.onlyKeys(Set.of("protocol", "external", "internal"));
        int protocol = switch (node.string("protocol").trim().toLowerCase(Locale.ROOT)) {
            case "tcp" -> 6;
            case "udp" -> 17;
            default -> throw node.error("protocol", "static mappings are tcp or udp");
        };
        int[] external = endpoint(node, "external");
        int[] internal = endpoint(node, "internal");
        return new StaticMapping(protocol, external[0], external[1], internal[0], internal[1]);
    }

    static int[] endpoint(ConfigNode node, String key) {
        String text = node.string(key);
        int colon = text.lastIndexOf(':');
        try {
            int port = Integer.parseInt(text.substring(colon + 1).trim());
            if (colon < 0 || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new int[] {Ipv4Address.parse(text.substring(0, colon)), port};
        } catch (IllegalArgumentException e) {
            throw node.error(key, "expected address:port, got '" + text + "'");
        }
    }
}
