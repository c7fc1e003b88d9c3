package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.packet.Tcp;

/**
 * Connection states as stored in a {@link ConnectionTable} slot (one byte), and the TCP state machine
 * over them: a simplified netfilter model that follows the handshake and the two FINs, and lets RST
 * close at once. Loose where netfilter is loose (window tracking is out of scope).
 */
public final class TrackState {
    public static final int TCP_SYN_SENT = 1;
    public static final int TCP_SYN_RECEIVED = 2;
    public static final int TCP_ESTABLISHED = 3;
    /** One side sent FIN. */
    public static final int TCP_FIN_WAIT = 4;
    /** Both sides sent FIN: waiting out retransmissions. */
    public static final int TCP_TIME_WAIT = 5;
    public static final int TCP_CLOSED = 6;
    public static final int UDP_NEW = 10;
    /** A UDP flow that saw traffic both ways (gets the longer timeout). */
    public static final int UDP_REPLIED = 11;
    public static final int ICMP = 12;
    public static final int OTHER = 13;

    /** Flag bits kept beside the state: which side has sent FIN. */
    public static final int FIN_ORIGINAL = 1;
    public static final int FIN_REPLY = 2;

    private TrackState() {
    }

    /** May this TCP packet open a new connection? Only a bare SYN may (no ACK, no RST, no FIN). */
    public static boolean opensTcp(int flags) {
        return (flags & (Tcp.SYN | Tcp.ACK | Tcp.RST | Tcp.FIN)) == Tcp.SYN;
    }

    /**
     * The next TCP state after a packet with these flags in this direction; {@code finSeen} holds the
     * FIN_ORIGINAL/FIN_REPLY bits and the result's high bits carry the updated ones (state | fin << 8).
     */
    public static int nextTcp(int state, int finSeen, int flags, boolean reply) {
        if ((flags & Tcp.RST) != 0) {
            return TCP_CLOSED | finSeen << 8;
        }
        int fins = finSeen;
        int next = state;
        if ((flags & Tcp.SYN) != 0) {
            if (!reply && (flags & Tcp.ACK) == 0 && (state == TCP_CLOSED || state == TCP_TIME_WAIT)) {
                return TCP_SYN_SENT; // port reuse: a new connection on the same tuple
            }
            if (reply && (flags & Tcp.ACK) != 0 && state == TCP_SYN_SENT) {
                next = TCP_SYN_RECEIVED;
            }
        } else if ((flags & Tcp.ACK) != 0 && state == TCP_SYN_RECEIVED && !reply) {
            next = TCP_ESTABLISHED;
        }
        if ((flags & Tcp.FIN) != 0 && state != TCP_CLOSED) {
            fins |= reply ? FIN_REPLY : FIN_ORIGINAL;
            next = fins == (FIN_ORIGINAL | FIN_REPLY) ? TCP_TIME_WAIT : TCP_FIN_WAIT;
        }
        return next | fins << 8;
    }
}
