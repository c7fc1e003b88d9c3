package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.vnf.router.Ipv4Address;
import dev.mano.dataplane.vnf.router.RouterConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The firewall's configuration:
 * <pre>
 * firewall:
 *   ports: [inside, outside]
 *   default: deny                  # what happens to a new connection no rule matches
 *   max-connections: 1048576       # per worker
 *   timeouts: {tcp-established: 3600, udp: 30, ...}
 *   rules:                         # ordered, first match wins
 *     - {id: web, action: allow, protocol: tcp, source: 10.0.0.0/8, destination-ports: 80-443}
 *     - {id: dns, action: allow, protocol: udp, destination-ports: "53"}
 * </pre>
 */
public record FirewallConfig(List<String> ports, List<AclRule> rules, boolean defaultAllow, int maxConnections,
                             ConnectionTimeouts timeouts) {
    public static final Set<String> KEYS = Set.of("ports", "default", "max-connections", "timeouts", "rules");

    public FirewallConfig {
        ports = List.copyOf(ports);
        rules = List.copyOf(rules);
    }

    public static FirewallConfig from(ConfigNode firewall) {
        return from(firewall, null);
    }

    /** @param chainPorts the chain's ports when this section is a stage of a chain */
    public static FirewallConfig from(ConfigNode firewall, List<String> chainPorts) {
        firewall.onlyKeys(KEYS);
        boolean allow = action(firewall, "default", "deny") == AclRule.Action.ALLOW;
        int max = firewall.integer("max-connections", 1 << 20, 16, 1 << 26);
        ConnectionTimeouts timeouts = firewall.has("timeouts") ? ConnectionTimeouts.from(firewall.node("timeouts"))
                : ConnectionTimeouts.DEFAULTS;
        return new FirewallConfig(RouterConfig.portPair(firewall, chainPorts), rules(firewall), allow, max, timeouts);
    }

    /** The ordered rules of a section (also what a rules reload reads). */
    public static List<AclRule> rules(ConfigNode firewall) {
        List<AclRule> rules = new ArrayList<>();
        if (firewall.has("rules")) {
            for (ConfigNode node : firewall.nodes("rules")) {
                rules.add(rule(node, rules.size()));
            }
        }
        return rules;
    }

    static AclRule rule(ConfigNode node, int index) {
        node.onlyKeys(Set.of("id", "action", "protocol", "source", "destination", "source-ports", "destination-ports"));
        String id = node.optionalString("id").orElse("rule-" + index);
        int[] source = cidr(node, "source");
        int[] destination = cidr(node, "destination");
        int protocol;
        int[] sourcePorts;
        int[] destinationPorts;
        try {
            protocol = protocol(node.optionalString("protocol").orElse("any"));
        } catch (IllegalArgumentException e) {
            throw node.error("protocol", e.getMessage());
        }
        try {
            sourcePorts = portRange(node.optionalString("source-ports").orElse("0-65535"));
        } catch (IllegalArgumentException e) {
            throw node.error("source-ports", e.getMessage());
        }
        try {
            destinationPorts = portRange(node.optionalString("destination-ports").orElse("0-65535"));
        } catch (IllegalArgumentException e) {
            throw node.error("destination-ports", e.getMessage());
        }
        AclRule.Action action = action(node, "action", null);
        try {
            return new AclRule(id, source[0], source[1], destination[0], destination[1], protocol, sourcePorts[0],
                    sourcePorts[1], destinationPorts[0], destinationPorts[1], action);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static int[] cidr(ConfigNode node, String key) {
        try {
            return Ipv4Address.parseCidr(node.optionalString(key).orElse("0.0.0.0/0"));
        } catch (IllegalArgumentException e) {
            throw node.error(key, e.getMessage());
        }
    }

    private static AclRule.Action action(ConfigNode node, String key, String fallback) {
        String text = fallback == null ? node.string(key) : node.optionalString(key).orElse(fallback);
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "allow", "accept", "permit" -> AclRule.Action.ALLOW;
            case "deny", "drop" -> AclRule.Action.DENY;
            default -> throw node.error(key, "expected allow or deny, got '" + text + "'");
        };
    }

    static int protocol(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "any" -> -1;
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            default -> {
                int number = Integer.parseInt(text.trim());
                if (number < 0 || number > 255) {
                    throw new IllegalArgumentException("expected tcp, udp, icmp, any or 0..255, got " + text);
                }
                yield number;
            }
        };
    }

    static int[] portRange(String text) {
        String[] parts = text.trim().split("-");
        try {
            int low = Integer.parseInt(parts[0].trim());
            int high = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : low;
            if (parts.length > 2 || low < 0 || high > 65535 || low > high) {
                throw new NumberFormatException();
            }
            return new int[] {low, high};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a port N or a range N-M within 0-65535, got '" + text + "'");
        }
    }
}
