package dev.mano.dataplane.vnf.upf;

import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.vnf.chain.PortRef;
import dev.mano.dataplane.vnf.router.Ipv4Address;
import dev.mano.dataplane.vnf.router.RouterConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The UPF's configuration (MACs default to the port's own):
 * <pre>
 * upf:
 *   n3: {port: net_pcap0, address: 192.0.2.1, next-hop-mac: "02:00:00:00:03:02"}
 *   n6: {port: net_pcap1, next-hop-mac: "02:00:00:00:06:02", mac: "02:00:00:00:06:01"}
 *   max-sessions: 65536
 *   sessions:
 *     - {seid: 1, ue: 10.45.0.2, uplink-teid: 256, downlink-teid: 512, gnb: 192.0.2.10}
 * </pre>
 * Port ids and port MACs are known only once ports are up: {@link #resolve} fills them in.
 */
public record UpfConfig(String n3PortName, int n3Port, int n3Address, long n3Mac, long n3NextHopMac,
                        String n6PortName, int n6Port, long n6Mac, long n6NextHopMac, int maxSessions,
                        List<Session> sessions) {
    public static final Set<String> KEYS = Set.of("n3", "n6", "max-sessions", "sessions");

    public UpfConfig {
        sessions = List.copyOf(sessions);
    }

    public static UpfConfig from(ConfigNode upf) {
        upf.onlyKeys(KEYS);
        ConfigNode n3 = upf.node("n3");
        ConfigNode n6 = upf.node("n6");
        n3.onlyKeys(Set.of("port", "address", "mac", "next-hop-mac"));
        n6.onlyKeys(Set.of("port", "mac", "next-hop-mac"));
        int n3Address;
        try {
            n3Address = Ipv4Address.parse(n3.string("address"));
        } catch (IllegalArgumentException e) {
            throw n3.error("address", e.getMessage());
        }
        return new UpfConfig(n3.string("port"), -1, n3Address, optionalMac(n3), RouterConfig.mac(n3, "next-hop-mac").bits(),
                n6.string("port"), -1, optionalMac(n6), RouterConfig.mac(n6, "next-hop-mac").bits(),
                upf.integer("max-sessions", 65536, 1, 1 << 24), sessions(upf));
    }

    private static long optionalMac(ConfigNode node) {
        return node.has("mac") ? RouterConfig.mac(node, "mac").bits() : -1;
    }

    /** The sessions of a section (also what a reload reads). */
    public static List<Session> sessions(ConfigNode upf) {
        List<Session> sessions = new ArrayList<>();
        if (upf.has("sessions")) {
            for (ConfigNode node : upf.nodes("sessions")) {
                node.onlyKeys(Set.of("seid", "ue", "uplink-teid", "downlink-teid", "gnb"));
                try {
                    sessions.add(new Session(Long.parseLong(node.string("seid").trim()), Ipv4Address.parse(node.string("ue")),
                            teid(node, "uplink-teid"), teid(node, "downlink-teid"), Ipv4Address.parse(node.string("gnb"))));
                } catch (IllegalArgumentException e) {
                    throw node.error(e.getMessage());
                }
            }
        }
        return sessions;
    }

    private static int teid(ConfigNode node, String key) {
        long value = Long.decode(node.string(key).trim());
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw node.error(key, "a TEID is a 32-bit unsigned number");
        }
        return (int) value;
    }

    public List<String> ports() {
        return List.of(n3PortName, n6PortName);
    }

    /** This config with port ids and default MACs taken from the started ports. */
    public UpfConfig resolve(Map<String, PortRef> ports) {
        PortRef n3 = ports.get(n3PortName);
        PortRef n6 = ports.get(n6PortName);
        if (n3 == null || n6 == null) {
            throw new dev.mano.dataplane.config.ConfigException("upf: ports " + ports() + " must be configured ports (have "
                    + ports.keySet() + ")");
        }
        return new UpfConfig(n3PortName, n3.id(), n3Address, n3Mac >= 0 ? n3Mac : n3.mac().bits(), n3NextHopMac,
                n6PortName, n6.id(), n6Mac >= 0 ? n6Mac : n6.mac().bits(), n6NextHopMac, maxSessions, sessions);
    }
}
