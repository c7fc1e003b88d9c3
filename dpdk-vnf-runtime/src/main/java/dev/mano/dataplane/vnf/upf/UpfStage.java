package dev.mano.dataplane.vnf.upf;

import dev.mano.dataplane.eal.NativeMemory;
import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.engine.DropReason;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.packet.Ethernet;
import dev.mano.dataplane.packet.Ipv4;
import dev.mano.dataplane.packet.Mbuf;
import dev.mano.dataplane.vnf.chain.Published;
import dev.mano.dataplane.vnf.chain.ReasonCounters;
import dev.mano.dataplane.vnf.router.Frames;

/**
 * The user plane over a burst. From N3: GTP-U decapsulation by uplink TEID (the mbuf's data start moves
 * forward past the outer headers, a new Ethernet header is written in front of the inner packet).
 * From N6: encapsulation towards the session's gNB (the data start moves back into the headroom by 36
 * bytes plus the Ethernet difference). No copy of the payload either way.
 */
public final class UpfStage implements Stage {
    private final Published.Reader<SessionTable> reader;
    private final SessionCounters counters;
    private final UpfConfig config;
    private final ReasonCounters<UpfDrop> drops = new ReasonCounters<>(UpfDrop.class);

    UpfStage(Published.Reader<SessionTable> reader, SessionCounters counters, UpfConfig config) {
        this.reader = reader;
        this.counters = counters;
        this.config = config;
    }

    @Override
    public void process(Burst burst) {
        SessionTable sessions = reader.enter();
        try {
            boolean uplink = burst.rxPort() == config.n3Port();
            for (int i = 0, n = burst.size(); i < n; i++) {
                if (burst.dropped(i)) {
                    continue;
                }
                if (uplink) {
                    decapsulate(burst, i, sessions);
                } else {
                    encapsulate(burst, i, sessions);
                }
            }
        } finally {
            reader.exit();
        }
    }

    private void decapsulate(Burst burst, int i, SessionTable sessions) {
        long mbuf = burst.mbuf(i);
        long frame = Mbuf.data(mbuf);
        int offset = Frames.ipv4Offset(frame, Mbuf.dataLength(mbuf));
        if (offset < 0) {
            dropMalformed(burst, i, offset);
            return;
        }
        long ip = frame + offset;
        if (Frames.fragment(ip)) {
            drop(burst, i, UpfDrop.UNSUPPORTED);
            return;
        }
        int headerLength = Ipv4.headerLength(ip);
        int l4Length = Ipv4.totalLength(ip) - headerLength;
        long udp = ip + headerLength;
        if (Ipv4.protocol(ip) != Ipv4.PROTOCOL_UDP || l4Length < 8 || NativeMemory.getShortBigEndian(udp + 2) != GtpU.PORT) {
            drop(burst, i, l4Length < 8 && Ipv4.protocol(ip) == Ipv4.PROTOCOL_UDP ? UpfDrop.TRUNCATED : UpfDrop.NOT_GTPU);
            return;
        }
        long gtp = udp + 8;
        int gtpLength = GtpU.headerLength(gtp, l4Length - 8);
        if (gtpLength < 0) {
            drop(burst, i, gtpLength == GtpU.SIGNALLING ? UpfDrop.GTPU_SIGNALLING : UpfDrop.BAD_GTPU);
            return;
        }
        long inner = gtp + gtpLength;
        int innerAvailable = 8 + GtpU.payloadLength(gtp) - gtpLength;
        int innerLength = innerAvailable >= 20 ? NativeMemory.getShortBigEndian(inner + 2) : 0;
        int innerVersionIhl = innerAvailable >= 20 ? NativeMemory.getByte(inner) & 0xFF : 0;
        if (innerAvailable < 20 || (innerVersionIhl >>> 4) != 4 || (innerVersionIhl & 0x0F) < 5
                || innerLength < (innerVersionIhl & 0x0F) * 4 || innerLength > innerAvailable) {
            drop(burst, i, UpfDrop.BAD_GTPU);
            return;
        }
        int session = sessions.byUplinkTeid(GtpU.teid(gtp));
        if (session < 0) {
            drop(burst, i, UpfDrop.UNKNOWN_TEID);
            return;
        }
        if (Ipv4.source(inner) != sessions.ueAddress(session)) {
            drop(burst, i, UpfDrop.UE_ADDRESS_MISMATCH);
            return;
        }
        long newFrame = inner - Ethernet.HEADER_LENGTH;
        Ethernet.setAddresses(newFrame, config.n6NextHopMac(), config.n6Mac());
        NativeMemory.putShortBigEndian(newFrame + 12, Ethernet.TYPE_IPV4);
        NativeMemory.putShort(mbuf + Mbuf.DATA_OFF, (short) (Mbuf.headroom(mbuf) + (newFrame - frame)));
        Mbuf.setLength(mbuf, Ethernet.HEADER_LENGTH + innerLength);
        counters.uplink(sessions.counterSlot(session), innerLength);
    }

    private void encapsulate(Burst burst, int i, SessionTable sessions) {
        long mbuf = burst.mbuf(i);
        long frame = Mbuf.data(mbuf);
        int offset = Frames.ipv4Offset(frame, Mbuf.dataLength(mbuf));
        if (offset < 0) {
            dropMalformed(burst, i, offset);
            return;
        }
        long ip = frame + offset;
        int session = sessions.byUeAddress(Ipv4.destination(ip));
        if (session < 0) {
            drop(burst, i, UpfDrop.UNKNOWN_UE);
            return;
        }
        if (Mbuf.segments(mbuf) != 1) {
            drop(burst, i, UpfDrop.UNSUPPORTED);
            return;
        }
        int innerLength = Ipv4.totalLength(ip);
        long newFrame = ip - Ethernet.HEADER_LENGTH - GtpU.ENCAPSULATION;
        int grow = (int) (frame - newFrame);
        if (Mbuf.headroom(mbuf) < grow) {
            drop(burst, i, UpfDrop.NO_HEADROOM);
            return;
        }
        Ethernet.setAddresses(newFrame, config.n3NextHopMac(), config.n3Mac());
        NativeMemory.putShortBigEndian(newFrame + 12, Ethernet.TYPE_IPV4);
        GtpU.writeEncapsulation(newFrame + Ethernet.HEADER_LENGTH, config.n3Address(), sessions.gnbAddress(session),
                sessions.downlinkTeid(session), innerLength);
        NativeMemory.putShort(mbuf + Mbuf.DATA_OFF, (short) (Mbuf.headroom(mbuf) - grow));
        Mbuf.setLength(mbuf, Ethernet.HEADER_LENGTH + GtpU.ENCAPSULATION + innerLength);
        counters.downlink(sessions.counterSlot(session), innerLength);
    }

    private void dropMalformed(Burst burst, int i, int code) {
        drop(burst, i, code == Frames.NOT_IPV4 ? UpfDrop.NOT_IPV4 : code == Frames.TRUNCATED ? UpfDrop.TRUNCATED : UpfDrop.BAD_HEADER);
    }

    private void drop(Burst burst, int i, UpfDrop reason) {
        drops.add(reason);
        burst.drop(i, switch (reason) {
            case TRUNCATED, BAD_HEADER, BAD_GTPU -> DropReason.MALFORMED;
            case UNKNOWN_TEID, UNKNOWN_UE -> DropReason.NO_ROUTE;
            default -> DropReason.OTHER;
        });
    }

    public ReasonCounters<UpfDrop> drops() {
        return drops;
    }
}
