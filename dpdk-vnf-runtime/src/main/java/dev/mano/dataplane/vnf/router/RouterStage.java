package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.engine.DropReason;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.packet.Ethernet;
import dev.mano.dataplane.packet.Ipv4;
import dev.mano.dataplane.vnf.chain.Published;
import dev.mano.dataplane.vnf.chain.ReasonCounters;

/**
 * IPv4 forwarding over a burst: validate, LPM lookup, TTL decrement with an incremental checksum
 * update (RFC 1624), next hop MACs written in place. One instance per worker.
 */
public final class RouterStage implements Stage {
    private final Published.Reader<ForwardingTable> reader;
    private final ReasonCounters<RouterDrop> drops = new ReasonCounters<>(RouterDrop.class);
    private long forwarded;

    RouterStage(Published.Reader<ForwardingTable> reader) {
        this.reader = reader;
    }

    @Override
    public void process(Burst burst) {
        ForwardingTable table = reader.enter();
        try {
            int egress = burst.txPort();
            for (int i = 0, n = burst.size(); i < n; i++) {
                if (!burst.dropped(i)) {
                    forward(burst, i, table, egress);
                }
            }
        } finally {
            reader.exit();
        }
    }

    private void forward(Burst burst, int i, ForwardingTable table, int egress) {
        long frame = burst.data(i);
        int offset = Frames.ipv4Offset(frame, burst.length(i));
        if (offset < 0) {
            dropMalformed(burst, i, offset);
            return;
        }
        long ip = frame + offset;
        int ttl = Ipv4.timeToLive(ip);
        if (ttl <= 1) {
            drops.add(RouterDrop.TTL_EXCEEDED);
            burst.drop(i, DropReason.TTL_EXCEEDED);
            return;
        }
        int nextHop = table.lookup(Ipv4.destination(ip));
        if (nextHop < 0) {
            drops.add(RouterDrop.NO_ROUTE);
            burst.drop(i, DropReason.NO_ROUTE);
            return;
        }
        if (table.port(nextHop) != egress) {
            drops.add(RouterDrop.OTHER_EGRESS_PORT);
            burst.drop(i, DropReason.OTHER);
            return;
        }
        int protocol = Ipv4.protocol(ip);
        Ipv4.setTimeToLive(ip, ttl - 1);
        Ipv4.setChecksum(ip, Checksum.update16(Ipv4.checksum(ip), ttl << 8 | protocol, (ttl - 1) << 8 | protocol));
        Ethernet.setAddresses(frame, table.destinationMac(nextHop), table.sourceMac(nextHop));
        forwarded++;
    }

    private void dropMalformed(Burst burst, int i, int code) {
        if (code == Frames.NOT_IPV4) {
            drops.add(RouterDrop.NOT_IPV4);
            burst.drop(i, DropReason.OTHER);
        } else {
            drops.add(code == Frames.TRUNCATED ? RouterDrop.TRUNCATED : RouterDrop.BAD_HEADER);
            burst.drop(i, DropReason.MALFORMED);
        }
    }

    public ReasonCounters<RouterDrop> drops() {
        return drops;
    }

    public long forwarded() {
        return forwarded;
    }
}
