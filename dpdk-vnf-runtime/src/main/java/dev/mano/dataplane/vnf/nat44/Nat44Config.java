package dev.mano.dataplane.vnf.nat44;

import dev.mano.dataplane.vnf.chain.ConfigNode;
import dev.mano.dataplane.vnf.router.Ipv4Address;

import java.util.ArrayList;
import java.util.List;

/**
 * The NAT's configuration:
 * <pre>
 * nat44:
 *   inside-port: 0                 # packets received here are source-translated; any other port is outside
 *   pool: [203.0.113.1, 203.0.113.2/31]
 *   ports: 1024-65535
 *   max-mappings: 1048576
 *   timeouts: {tcp: 7440, udp: 300, icmp: 60}   # seconds, refreshed by outbound packets (RFC 4787 REQ-6)
 *   static:
 *     - {protocol: tcp, external: "203.0.113.1:8080", internal: "10.0.0.5:80"}
 * </pre>
 */
public record Nat44Config(int insidePort, int[] pool, int firstPort, int lastPort, int maxMappings,
                          int tcpTimeout, int udpTimeout, int icmpTimeout, List<StaticMapping> staticMappings) {

    public static Nat44Config from(ConfigNode nat) {
        List<Integer> addresses = new ArrayList<>();
        for (ConfigNode node : nat.get("pool").list()) {
            int[] cidr = node.as(Ipv4Address::parseCidr);
            if (cidr[1] < 16) {
                throw node.invalid("a pool prefix shorter than /16 is not supported");
            }
            for (long a = 0; a < 1L << (32 - cidr[1]); a++) {
                addresses.add(cidr[0] + (int) a);
            }
        }
        int[] ports = nat.getOr("ports", "1024-65535").as(text -> {
            String[] parts = text.split("-");
            return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
        });
        ConfigNode timeouts = nat.getOr("timeouts", java.util.Map.of());
        List<StaticMapping> statics = new ArrayList<>();
        for (ConfigNode node : nat.listOr("static")) {
            int protocol = node.get("protocol").as(text -> switch (text.trim().toLowerCase()) {
                case "tcp" -> 6;
                case "udp" -> 17;
                default -> throw new IllegalArgumentException("static mappings are tcp or udp");
            });
            int[] external = node.get("external").as(Nat44Config::endpoint);
            int[] internal = node.get("internal").as(Nat44Config::endpoint);
            statics.add(new StaticMapping(protocol, external[0], external[1], internal[0], internal[1]));
        }
        return new Nat44Config(nat.getOr("inside-port", 0).integer(), addresses.stream().mapToInt(Integer::intValue).toArray(),
                ports[0], ports[1], nat.getOr("max-mappings", 1 << 20).integer(),
                timeouts.getOr("tcp", 7440).integer(), timeouts.getOr("udp", 300).integer(),
                timeouts.getOr("icmp", 60).integer(), statics);
    }

    static int[] endpoint(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("endpoint must be address:port, was '" + text + "'");
        }
        return new int[] {Ipv4Address.parse(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1).trim())};
    }
}
