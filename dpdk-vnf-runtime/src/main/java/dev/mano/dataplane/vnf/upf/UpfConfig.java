package dev.mano.dataplane.vnf.upf;

import dev.mano.dataplane.packet.MacAddress;
import dev.mano.dataplane.vnf.chain.ConfigNode;
import dev.mano.dataplane.vnf.router.Ipv4Address;

import java.util.ArrayList;
import java.util.List;

/**
 * The UPF's configuration:
 * <pre>
 * upf:
 *   n3: {port: 0, address: 192.0.2.1, mac: "02:00:00:00:03:01", next-hop-mac: "02:00:00:00:03:02"}
 *   n6: {port: 1, mac: "02:00:00:00:06:01", next-hop-mac: "02:00:00:00:06:02"}
 *   max-sessions: 65536
 *   sessions:
 *     - {seid: 1, ue: 10.45.0.2, uplink-teid: 256, downlink-teid: 512, gnb: 192.0.2.10}
 * </pre>
 */
public record UpfConfig(int n3Port, int n3Address, long n3Mac, long n3NextHopMac, int n6Port, long n6Mac,
                        long n6NextHopMac, int maxSessions, List<Session> sessions) {

    public UpfConfig {
        sessions = List.copyOf(sessions);
    }

    public static UpfConfig from(ConfigNode upf) {
        ConfigNode n3 = upf.get("n3");
        ConfigNode n6 = upf.get("n6");
        List<Session> sessions = new ArrayList<>();
        for (ConfigNode node : upf.listOr("sessions")) {
            sessions.add(session(node));
        }
        return new UpfConfig(n3.get("port").integer(), n3.get("address").as(Ipv4Address::parse),
                n3.get("mac").as(MacAddress::parse).bits(), n3.get("next-hop-mac").as(MacAddress::parse).bits(),
                n6.get("port").integer(), n6.get("mac").as(MacAddress::parse).bits(),
                n6.get("next-hop-mac").as(MacAddress::parse).bits(), upf.getOr("max-sessions", 65536).integer(), sessions);
    }

    static Session session(ConfigNode node) {
        try {
            return new Session(Long.parseLong(node.get("seid").text().trim()), node.get("ue").as(Ipv4Address::parse),
                    (int) Long.decode(node.get("uplink-teid").text().trim()).longValue(),
                    (int) Long.decode(node.get("downlink-teid").text().trim()).longValue(),
                    node.get("gnb").as(Ipv4Address::parse));
        } catch (IllegalArgumentException e) {
            throw node.invalid(e.getMessage());
        }
    }
}
