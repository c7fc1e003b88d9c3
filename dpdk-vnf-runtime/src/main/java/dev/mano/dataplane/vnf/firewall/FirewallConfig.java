package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.vnf.chain.ConfigNode;
import dev.mano.dataplane.vnf.router.Ipv4Address;

import java.util.ArrayList;
import java.util.List;

/**
 * The firewall's configuration:
 * <pre>
 * firewall:
 *   default: deny                  # what happens to a new connection no rule matches
 *   max-connections: 1048576       # per worker
 *   timeouts: {tcp-established: 3600, udp: 30, ...}
 *   rules:                         # ordered, first match wins
 *     - {id: web, action: allow, protocol: tcp, source: 10.0.0.0/8, destination: 0.0.0.0/0, destination-ports: 80-443}
 *     - {id: dns, action: allow, protocol: udp, destination-ports: 53}
 * </pre>
 */
public record FirewallConfig(List<AclRule> rules, boolean defaultAllow, int maxConnections, ConnectionTimeouts timeouts) {
    public FirewallConfig {
        rules = List.copyOf(rules);
    }

    public static FirewallConfig from(ConfigNode firewall) {
        List<AclRule> rules = new ArrayList<>();
        for (ConfigNode node : firewall.listOr("rules")) {
            rules.add(rule(node, rules.size()));
        }
        boolean allow = action(firewall.getOr("default", "deny")) == AclRule.Action.ALLOW;
        int max = firewall.getOr("max-connections", 1 << 20).integer();
        ConnectionTimeouts timeouts = firewall.has("timeouts") ? ConnectionTimeouts.from(firewall.get("timeouts"))
                : ConnectionTimeouts.DEFAULTS;
        return new FirewallConfig(rules, allow, max, timeouts);
    }

    static AclRule rule(ConfigNode node, int index) {
        String id = node.getOr("id", "rule-" + index).text();
        int[] source = node.getOr("source", "0.0.0.0/0").as(Ipv4Address::parseCidr);
        int[] destination = node.getOr("destination", "0.0.0.0/0").as(Ipv4Address::parseCidr);
        int protocol = node.getOr("protocol", "any").as(FirewallConfig::protocol);
        int[] sourcePorts = node.getOr("source-ports", "0-65535").as(FirewallConfig::portRange);
        int[] destinationPorts = node.getOr("destination-ports", "0-65535").as(FirewallConfig::portRange);
        try {
            return new AclRule(id, source[0], source[1], destination[0], destination[1], protocol, sourcePorts[0],
                    sourcePorts[1], destinationPorts[0], destinationPorts[1], action(node.get("action")));
        } catch (IllegalArgumentException e) {
            throw node.invalid(e.getMessage());
        }
    }

    private static AclRule.Action action(ConfigNode node) {
        return node.as(text -> switch (text.trim().toLowerCase()) {
            case "allow", "accept", "permit" -> AclRule.Action.ALLOW;
            case "deny", "drop" -> AclRule.Action.DENY;
            default -> throw new IllegalArgumentException("action must be allow or deny, was '" + text + "'");
        });
    }

    static int protocol(String text) {
        return switch (text.trim().toLowerCase()) {
            case "any" -> -1;
            case "tcp" -> 6;
            case "udp" -> 17;
            case "icmp" -> 1;
            default -> {
                int number = Integer.parseInt(text.trim());
                if (number < 0 || number > 255) {
                    throw new IllegalArgumentException("protocol must be tcp, udp, icmp, any or 0..255");
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
            return new int[] {low, high};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port range must be N or N-M, was '" + text + "'");
        }
    }
}
