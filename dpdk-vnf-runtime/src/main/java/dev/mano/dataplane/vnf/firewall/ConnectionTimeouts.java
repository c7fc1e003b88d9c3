package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.config.ConfigNode;

import java.util.concurrent.TimeUnit;

/** How long an idle connection lives, by state, in seconds (netfilter-like defaults, shorter for the established TCP case). */
public record ConnectionTimeouts(int tcpHandshake, int tcpEstablished, int tcpClosing, int tcpClosed,
                                 int udp, int udpReplied, int icmp, int other) {

    public static final ConnectionTimeouts DEFAULTS = new ConnectionTimeouts(120, 3600, 120, 10, 30, 180, 30, 600);

    public static ConnectionTimeouts from(ConfigNode node) {
        ConnectionTimeouts d = DEFAULTS;
        node.onlyKeys(java.util.Set.of("tcp-handshake", "tcp-established", "tcp-closing", "tcp-closed", "udp",
                "udp-replied", "icmp", "other"));
        int day = 86_400;
        return new ConnectionTimeouts(node.integer("tcp-handshake", d.tcpHandshake, 1, day),
                node.integer("tcp-established", d.tcpEstablished, 1, 7 * day),
                node.integer("tcp-closing", d.tcpClosing, 1, day),
                node.integer("tcp-closed", d.tcpClosed, 1, day),
                node.integer("udp", d.udp, 1, day),
                node.integer("udp-replied", d.udpReplied, 1, day),
                node.integer("icmp", d.icmp, 1, day),
                node.integer("other", d.other, 1, day));
    }

    /** Idle lifetime in nanoseconds of a connection in this state. */
    public long nanosFor(int state) {
        int seconds = switch (state) {
            case TrackState.TCP_SYN_SENT, TrackState.TCP_SYN_RECEIVED -> tcpHandshake;
            case TrackState.TCP_ESTABLISHED -> tcpEstablished;
            case TrackState.TCP_FIN_WAIT, TrackState.TCP_TIME_WAIT -> tcpClosing;
            case TrackState.TCP_CLOSED -> tcpClosed;
            case TrackState.UDP_NEW -> udp;
            case TrackState.UDP_REPLIED -> udpReplied;
            case TrackState.ICMP -> icmp;
            default -> other;
        };
        return TimeUnit.SECONDS.toNanos(seconds);
    }
}
