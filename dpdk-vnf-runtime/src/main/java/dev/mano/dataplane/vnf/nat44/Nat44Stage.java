package dev.mano.dataplane.vnf.nat44;

import dev.mano.dataplane.eal.NativeMemory;
import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.engine.DropReason;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.packet.Ipv4;
import dev.mano.dataplane.vnf.chain.ReasonCounters;
import dev.mano.dataplane.vnf.router.Checksum;
import dev.mano.dataplane.vnf.router.Frames;

import java.util.concurrent.TimeUnit;

/**
 * Source NAT for packets from the inside port, destination NAT back for packets from outside, over a
 * burst. Addresses and ports are rewritten in place and the IPv4, TCP, UDP and ICMP checksums patched
 * incrementally (RFC 1624) rather than recomputed over the payload.
 */
public final class Nat44Stage implements Stage {
    private static final int AGING_BUDGET = 8;
    private static final int NOT_PARSED = Integer.MIN_VALUE;

    private final Nat44 owner;
    private final MappingTable mappings;
    private final PortAllocator ports;
    private final int insidePort;
    private final long tcpTimeout;
    private final long udpTimeout;
    private final long icmpTimeout;
    private final ReasonCounters<Nat44Drop> drops = new ReasonCounters<>(Nat44Drop.class);
    private long translated;
    private long expired;
    /** Keeps the prefetch loads alive. */
    private long touched;
    // Per packet of the burst, from the first pass: IPv4 offset (or NOT_PARSED) and the mapping key's hash.
    private final int[] offsets = new int[512];
    private final int[] hashes = new int[512];
    private final int[] portPairs = new int[512];

    Nat44Stage(Nat44 owner, MappingTable mappings, PortAllocator ports, Nat44Config config, int insidePort) {
        this.owner = owner;
        this.mappings = mappings;
        this.ports = ports;
        this.insidePort = insidePort;
        this.tcpTimeout = TimeUnit.SECONDS.toNanos(config.tcpTimeout());
        this.udpTimeout = TimeUnit.SECONDS.toNanos(config.udpTimeout());
        this.icmpTimeout = TimeUnit.SECONDS.toNanos(config.icmpTimeout());
    }

    @Override
    public void process(Burst burst) {
        long now = System.nanoTime();
        synchronized (owner) { // uncontended: the control path takes it only to add static mappings
            boolean outbound = burst.rxPort() == insidePort;
            prefetch(burst, outbound);
            for (int i = 0, n = burst.size(); i < n; i++) {
                if (!burst.dropped(i)) {
                    translate(burst, i, outbound, now);
                }
            }
            age(now);
        }
    }

    /** First passes: parse and hash every packet, then touch all mapping slots in a tight loop (misses overlap). */
    private void prefetch(Burst burst, boolean outbound) {
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
            if (pair < 0 || Frames.laterFragment(ip)) {
                continue;
            }
            int protocol = Ipv4.protocol(ip);
            offsets[i] = offset;
            portPairs[i] = (int) pair;
            hashes[i] = outbound ? MappingTable.hash(protocol, Ipv4.source(ip), (int) (pair >>> 16))
                    : MappingTable.hash(protocol, Ipv4.destination(ip), (int) (pair & 0xFFFF));
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            if (offsets[i] != NOT_PARSED) {
                sum += mappings.touch(outbound, hashes[i]);
            }
        }
        touched += sum;
    }

    private void translate(Burst burst, int i, boolean outbound, long now) {
        boolean parsed = offsets[i] != NOT_PARSED;
        long frame = burst.data(i);
        int offset = parsed ? offsets[i] : Frames.ipv4Offset(frame, burst.length(i));
        if (offset < 0) {
            drop(burst, i, offset == Frames.NOT_IPV4 ? Nat44Drop.NOT_IPV4
                    : offset == Frames.TRUNCATED ? Nat44Drop.TRUNCATED : Nat44Drop.BAD_HEADER);
            return;
        }
        long ip = frame + offset;
        if (!parsed && Frames.laterFragment(ip)) {
            drop(burst, i, Nat44Drop.FRAGMENT);
            return;
        }
        int protocol = Ipv4.protocol(ip);
        if (protocol != Ipv4.PROTOCOL_TCP && protocol != Ipv4.PROTOCOL_UDP && protocol != Ipv4.PROTOCOL_ICMP) {
            drop(burst, i, Nat44Drop.UNSUPPORTED_PROTOCOL);
            return;
        }
        long pair = parsed ? Integer.toUnsignedLong(portPairs[i]) : Frames.ports(ip);
        if (pair < 0) {
            drop(burst, i, Nat44Drop.TRUNCATED);
            return;
        }
        long l4 = Ipv4.payload(ip);
        if (protocol == Ipv4.PROTOCOL_ICMP && pair == 0) {
            drop(burst, i, Nat44Drop.UNSUPPORTED_ICMP);
            return;
        }
        if (outbound) {
            int source = Ipv4.source(ip);
            int sourcePort = (int) (pair >>> 16);
            int slot = offsets[i] != NOT_PARSED ? mappings.findOutbound(hashes[i], protocol, source, sourcePort)
                    : mappings.findOutbound(protocol, source, sourcePort);
            long external;
            if (slot < 0) {
                external = ports.allocate(protocol, source);
                if (external == PortAllocator.EXHAUSTED) {
                    owner.countExhaustion();
                    drop(burst, i, Nat44Drop.PORTS_EXHAUSTED);
                    return;
                }
                if (!mappings.add(protocol, MappingTable.endpoint(source, sourcePort), external, now + timeout(protocol), false)) {
                    ports.release(protocol, (int) (external >>> 16), (int) (external & 0xFFFF));
                    drop(burst, i, Nat44Drop.TABLE_FULL);
                    return;
                }
            } else {
                external = mappings.external(slot);
                mappings.refresh(slot, now + timeout(protocol));
            }
            rewrite(ip, l4, protocol, true, (int) (external >>> 16), (int) (external & 0xFFFF));
        } else {
            int destination = Ipv4.destination(ip);
            int slot = offsets[i] != NOT_PARSED ? mappings.findInbound(hashes[i], protocol, destination, (int) (pair & 0xFFFF))
                    : mappings.findInbound(protocol, destination, (int) (pair & 0xFFFF));
            if (slot < 0) {
                drop(burst, i, Nat44Drop.NO_MAPPING);
                return;
            }
            long internal = mappings.internal(slot);
            rewrite(ip, l4, protocol, false, (int) (internal >>> 16), (int) (internal & 0xFFFF));
        }
        translated++;
    }

    /** Rewrites the source (outbound) or destination (inbound) endpoint and patches the checksums. */
    private static void rewrite(long ip, long l4, int protocol, boolean source, int address, int port) {
        int oldAddress = source ? Ipv4.source(ip) : Ipv4.destination(ip);
        if (source) {
            Ipv4.setSource(ip, address);
        } else {
            Ipv4.setDestination(ip, address);
        }
        Ipv4.setChecksum(ip, Checksum.update32(Ipv4.checksum(ip), oldAddress, address));
        if (protocol == Ipv4.PROTOCOL_ICMP) {
            int oldId = NativeMemory.getShortBigEndian(l4 + 4);
            NativeMemory.putShortBigEndian(l4 + 4, port);
            NativeMemory.putShortBigEndian(l4 + 2, Checksum.update16(NativeMemory.getShortBigEndian(l4 + 2), oldId, port));
            return;
        }
        long portField = source ? l4 : l4 + 2;
        int oldPort = NativeMemory.getShortBigEndian(portField);
        NativeMemory.putShortBigEndian(portField, port);
        long checksumField = protocol == Ipv4.PROTOCOL_TCP ? l4 + 16 : l4 + 6;
        int checksum = NativeMemory.getShortBigEndian(checksumField);
        if (protocol == Ipv4.PROTOCOL_UDP && checksum == 0) {
            return; // UDP over IPv4 without a checksum stays without one
        }
        checksum = Checksum.update16(Checksum.update32(checksum, oldAddress, address), oldPort, port);
        if (protocol == Ipv4.PROTOCOL_UDP && checksum == 0) {
            checksum = 0xFFFF; // 0 means "no checksum" in UDP (RFC 768)
        }
        NativeMemory.putShortBigEndian(checksumField, checksum);
    }

    private long timeout(int protocol) {
        return protocol == Ipv4.PROTOCOL_TCP ? tcpTimeout : protocol == Ipv4.PROTOCOL_UDP ? udpTimeout : icmpTimeout;
    }

    private void age(long now) {
        for (int removed = 0; removed < 4; removed++) {
            int slot = mappings.nextExpired(now, AGING_BUDGET);
            if (slot < 0) {
                return;
            }
            int protocol = mappings.protocol(slot);
            long external = mappings.external(slot);
            mappings.remove(slot);
            ports.release(protocol, (int) (external >>> 16), (int) (external & 0xFFFF));
            expired++;
        }
    }

    private void drop(Burst burst, int i, Nat44Drop reason) {
        drops.add(reason);
        burst.drop(i, switch (reason) {
            case TRUNCATED, BAD_HEADER -> DropReason.MALFORMED;
            case NO_MAPPING -> DropReason.FILTERED;
            default -> DropReason.OTHER;
        });
    }

    public ReasonCounters<Nat44Drop> drops() {
        return drops;
    }

    public long translated() {
        return translated;
    }

    public long expired() {
        return expired;
    }
}
