package dev.mano.dataplane.vnf.lb;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.engine.DropReason;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.packet.Ethernet;
import dev.mano.dataplane.packet.Ipv4;
import dev.mano.dataplane.vnf.chain.Published;
import dev.mano.dataplane.vnf.chain.ReasonCounters;
import dev.mano.dataplane.vnf.router.Frames;

/** Maglev load balancing over a burst: 5-tuple hash, table lookup, backend MAC written in place. */
public final class LbStage implements Stage {
    private final Published.Reader<ServiceTable> reader;
    private final long sourceMac;
    private final ReasonCounters<LbDrop> drops = new ReasonCounters<>(LbDrop.class);
    private long balanced;

    LbStage(Published.Reader<ServiceTable> reader, long sourceMac) {
        this.reader = reader;
        this.sourceMac = sourceMac;
    }

    @Override
    public void process(Burst burst) {
        ServiceTable services = reader.enter();
        try {
            for (int i = 0, n = burst.size(); i < n; i++) {
                if (!burst.dropped(i)) {
                    balance(burst, i, services);
                }
            }
        } finally {
            reader.exit();
        }
    }

    private void balance(Burst burst, int i, ServiceTable services) {
        long frame = burst.data(i);
        int offset = Frames.ipv4Offset(frame, burst.length(i));
        if (offset < 0) {
            drop(burst, i, offset == Frames.NOT_IPV4 ? LbDrop.NOT_IPV4
                    : offset == Frames.TRUNCATED ? LbDrop.TRUNCATED : LbDrop.BAD_HEADER);
            return;
        }
        long ip = frame + offset;
        if (Frames.laterFragment(ip)) {
            drop(burst, i, LbDrop.FRAGMENT);
            return;
        }
        long pair = Frames.ports(ip);
        if (pair < 0) {
            drop(burst, i, LbDrop.TRUNCATED);
            return;
        }
        int ports = (int) pair;
        int protocol = Ipv4.protocol(ip);
        int destination = Ipv4.destination(ip);
        int service = services.find(destination, ports & 0xFFFF, protocol);
        if (service < 0) {
            drop(burst, i, LbDrop.NO_SERVICE);
            return;
        }
        long mac = services.backendMac(service, flowHash(Ipv4.source(ip), destination, ports, protocol));
        if (mac < 0) {
            drop(burst, i, LbDrop.NO_BACKEND);
            return;
        }
        Ethernet.setAddresses(frame, mac, sourceMac);
        balanced++;
    }

    /** The hash Maglev indexes with; the same function the control path uses to predict placement. */
    public static int flowHash(int source, int destination, int ports, int protocol) {
        long h = (Integer.toUnsignedLong(source) << 32 | Integer.toUnsignedLong(destination)) * 0x9E3779B97F4A7C15L;
        h += (Integer.toUnsignedLong(ports) << 8 | protocol) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ h >>> 29);
    }

    private void drop(Burst burst, int i, LbDrop reason) {
        drops.add(reason);
        burst.drop(i, switch (reason) {
            case TRUNCATED, BAD_HEADER -> DropReason.MALFORMED;
            case NO_SERVICE, NO_BACKEND -> DropReason.NO_ROUTE;
            default -> DropReason.OTHER;
        });
    }

    public ReasonCounters<LbDrop> drops() {
        return drops;
    }

    public long balanced() {
        return balanced;
    }
}
