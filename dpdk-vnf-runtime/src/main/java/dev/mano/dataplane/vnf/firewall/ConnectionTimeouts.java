package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.vnf.chain.ConfigNode;

import java.util.concurrent.TimeUnit;

/** How long an idle connection lives, by state, in seconds (netfilter-like defaults, shorter for the established TCP case). */
public record ConnectionTimeouts(int tcpHandshake, int tcpEstablished, int tcpClosing, int tcpClosed,
                                 int udp, int udpReplied, int icmp, int other) {

    public static final ConnectionTimeouts DEFAULTS = new ConnectionTimeouts(120, 3600, 120, 10, 30, 180, 30, 600);

    public static ConnectionTimeouts from(ConfigNode node) {
        ConnectionTimeouts d = DEFAULTS;
        return new ConnectionTimeouts(node.getOr("tcp-handshake", d.tcpHandshake).integer(),
                node.getOr("tcp-established", d.tcpEstablished).integer(),
                node.getOr("tcp-closing", d.tcpClosing).integer(),
                node.getOr("tcp-closed", d.tcpClosed).integer(),
                node.getOr("udp", d.udp).integer(),
                node.getOr("udp-replied", d.udpReplied).integer(),
                node.getOr("icmp", d.icmp).integer(),
                node.getOr("other", d.other).integer());
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
