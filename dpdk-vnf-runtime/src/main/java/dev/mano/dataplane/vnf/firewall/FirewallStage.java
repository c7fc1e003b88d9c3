package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.engine.DropReason;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.packet.Ipv4;
import dev.mano.dataplane.packet.Tcp;
import dev.mano.dataplane.vnf.chain.Published;
import dev.mano.dataplane.vnf.chain.ReasonCounters;
import dev.mano.dataplane.vnf.router.Frames;

/**
 * Stateful filtering over a burst: a packet of a tracked connection (either direction) passes and
 * advances the connection's state; the first packet of a new one is classified by the ordered rules
 * and, if allowed, starts tracking. Each worker has its own connection table (RSS keeps a flow on one
 * queue), so nothing is shared on the fast path but the published rule set.
 */
public final class FirewallStage implements Stage {
    /**
     * Slots examined for expiry per burst: a sweep of 2^21 slots every ~260k bursts. Lookups check
     * expiry themselves, so the sweep only returns space; a bigger budget costs every packet.
     */
    private static final int AGING_BUDGET = 8;
    private static final int NOT_PARSED = Integer.MIN_VALUE;

    private final Published.Reader<AclClassifier> rules;
    private final ConnectionTable connections;
    private final ConnectionTimeouts timeouts;
    private final boolean defaultAllow;
    private final ReasonCounters<FirewallDrop> drops = new ReasonCounters<>(FirewallDrop.class);
    private long passed;
    private long expired;
    /** Keeps the prefetch loads alive (the JIT would drop loads whose results nobody uses). */
    private long touched;
    // Per packet of the burst, from the first pass: IPv4 offset (or NOT_PARSED), port pair, key hash.
    private final int[] offsets = new int[512];
    private final int[] portPairs = new int[512];
    private final int[] hashes = new int[512];

    FirewallStage(Published.Reader<AclClassifier> rules, ConnectionTable connections, ConnectionTimeouts timeouts,
                  boolean defaultAllow) {
        this.rules = rules;
        this.connections = connections;
        this.timeouts = timeouts;
        this.defaultAllow = defaultAllow;
    }

    @Override
    public void process(Burst burst) {
        long now = System.nanoTime();
        AclClassifier acl = rules.enter();
        try {
            prefetch(burst);
            for (int i = 0, n = burst.size(); i < n; i++) {
                if (!burst.dropped(i)) {
                    filter(burst, i, acl, now);
                }
            }
        } finally {
            rules.exit();
        }
        age(now);
    }

    /**
     * First passes over the burst: parse every packet and hash its key, then touch all the home slots
     * in a tight loop so that the burst's cache misses overlap (a loop with the parsing in it would keep
     * only one or two loads in flight).
     */
    private void prefetch(Burst burst) {
        int n = burst.size();
        for (int i = 0; i < n; i++) {
            offsets[i] = NOT_PARSED;
            if (burst.dropped(i)) {
                continue;
            }
            long frame = burst.data(i);
            int offset = Frames.ipv4Offset(frame, burst.length(i));
            if (offset < 0) {
                continue;
            }
            long ip = frame + offset;
            long pair = Frames.ports(ip);
            if (pair >= 0 && !Frames.laterFragment(ip)) {
                offsets[i] = offset;
                portPairs[i] = (int) pair;
                hashes[i] = ConnectionTable.hash(Ipv4.source(ip), Ipv4.destination(ip), (int) pair, Ipv4.protocol(ip));
            }
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            if (offsets[i] != NOT_PARSED) {
                sum += connections.touch(hashes[i]);
            }
        }
        touched += sum;
    }

    private void filter(Burst burst, int i, AclClassifier acl, long now) {
        long frame = burst.data(i);
        int offset = offsets[i] != NOT_PARSED ? offsets[i] : Frames.ipv4Offset(frame, burst.length(i));
        if (offset < 0) {
            drop(burst, i, offset == Frames.NOT_IPV4 ? FirewallDrop.NOT_IPV4
                    : offset == Frames.TRUNCATED ? FirewallDrop.TRUNCATED : FirewallDrop.BAD_HEADER);
            return;
        }
        long ip = frame + offset;
        if (Frames.laterFragment(ip)) {
            drop(burst, i, FirewallDrop.FRAGMENT);
            return;
        }
        long portPair = offsets[i] != NOT_PARSED ? Integer.toUnsignedLong(portPairs[i]) : Frames.ports(ip);
        if (portPair < 0) {
            drop(burst, i, FirewallDrop.TRUNCATED);
            return;
        }
        int ports = (int) portPair;
        int protocol = Ipv4.protocol(ip);
        int source = Ipv4.source(ip);
        int destination = Ipv4.destination(ip);
        int tcpFlags = protocol == Ipv4.PROTOCOL_TCP ? Tcp.flags(Ipv4.payload(ip)) : 0;

        boolean reply = false;
        int slot = live(offsets[i] != NOT_PARSED ? connections.find(hashes[i], source, destination, ports, protocol)
                : connections.find(source, destination, ports, protocol), now);
        if (slot < 0) {
            slot = live(connections.find(destination, source, Frames.reversed(ports), protocol), now);
            reply = slot >= 0;
        }
        if (slot >= 0) {
            track(slot, protocol, tcpFlags, reply, now);
            passed++;
            return;
        }
        if (protocol == Ipv4.PROTOCOL_TCP && !TrackState.opensTcp(tcpFlags)) {
            drop(burst, i, FirewallDrop.NO_CONNECTION);
            return;
        }
        int rule = acl.classify(source, destination, protocol, ports >>> 16, ports & 0xFFFF);
        if (rule >= 0 ? !acl.allows(rule) : !defaultAllow) {
            drop(burst, i, FirewallDrop.DENIED);
            return;
        }
        slot = connections.insert(source, destination, ports, protocol, now);
        if (slot < 0) {
            drop(burst, i, FirewallDrop.TABLE_FULL);
            return;
        }
        int state = switch (protocol) {
            case Ipv4.PROTOCOL_TCP -> TrackState.TCP_SYN_SENT;
            case Ipv4.PROTOCOL_UDP -> TrackState.UDP_NEW;
            case Ipv4.PROTOCOL_ICMP -> TrackState.ICMP;
            default -> TrackState.OTHER;
        };
        connections.setState(slot, state);
        connections.setExpiresAt(slot, now + timeouts.nanosFor(state));
        passed++;
    }

    /** The slot, or MISSING when its connection expired (removed now rather than at the next sweep). */
    private int live(int slot, long now) {
        if (slot >= 0 && connections.expiresAt(slot) - now < 0) {
            connections.remove(slot);
            expired++;
            return ConnectionTable.MISSING;
        }
        return slot;
    }

    private void track(int slot, int protocol, int tcpFlags, boolean reply, long now) {
        int state = connections.state(slot);
        if (protocol == Ipv4.PROTOCOL_TCP) {
            int next = TrackState.nextTcp(state, connections.flags(slot), tcpFlags, reply);
            state = next & 0xFF;
            connections.setState(slot, state);
            connections.setFlags(slot, next >>> 8);
        } else if (protocol == Ipv4.PROTOCOL_UDP && reply && state == TrackState.UDP_NEW) {
            state = TrackState.UDP_REPLIED;
            connections.setState(slot, state);
        }
        connections.setExpiresAt(slot, now + timeouts.nanosFor(state));
    }

    private void age(long now) {
        for (int removed = 0; removed < 4; removed++) {
            int slot = connections.nextExpired(now, AGING_BUDGET);
            if (slot < 0) {
                return;
            }
            connections.remove(slot);
            expired++;
        }
    }

    private void drop(Burst burst, int i, FirewallDrop reason) {
        drops.add(reason);
        burst.drop(i, switch (reason) {
            case TRUNCATED, BAD_HEADER -> DropReason.MALFORMED;
            case DENIED, NO_CONNECTION -> DropReason.FILTERED;
            default -> DropReason.OTHER;
        });
    }

    public ReasonCounters<FirewallDrop> drops() {
        return drops;
    }

    public long passed() {
        return passed;
    }

    public long expired() {
        return expired;
    }

    public int connections() {
        return connections.size();
    }
}
