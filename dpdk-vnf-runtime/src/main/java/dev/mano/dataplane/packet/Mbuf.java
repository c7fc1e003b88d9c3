package dev.mano.dataplane.packet;

import dev.mano.dataplane.bindings.rte_mbuf;

import static dev.mano.dataplane.eal.NativeMemory.ALL;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Fields of a {@code struct rte_mbuf} read and written by the mbuf's address. Static methods over a
 * long, so the fast path allocates nothing; offsets come from the jextract layout (checked against the
 * C headers by StructLayoutTest).
 */
public final class Mbuf {
    public static final long BUF_ADDR = rte_mbuf.buf_addr$offset();
    public static final long DATA_OFF = rte_mbuf.data_off$offset();
    public static final long REFCNT = rte_mbuf.refcnt$offset();
    public static final long NB_SEGS = rte_mbuf.nb_segs$offset();
    public static final long PORT = rte_mbuf.port$offset();
    public static final long OL_FLAGS = rte_mbuf.ol_flags$offset();
    public static final long PACKET_TYPE = rte_mbuf.packet_type$offset();
    public static final long PKT_LEN = rte_mbuf.pkt_len$offset();
    public static final long DATA_LEN = rte_mbuf.data_len$offset();
    public static final long VLAN_TCI = rte_mbuf.vlan_tci$offset();
    public static final long VLAN_TCI_OUTER = rte_mbuf.vlan_tci_outer$offset();
    public static final long BUF_LEN = rte_mbuf.buf_len$offset();
    public static final long POOL = rte_mbuf.pool$offset();
    public static final long NEXT = rte_mbuf.next$offset();
    public static final long TX_OFFLOAD = rte_mbuf.tx_offload$offset();
    /** RTE_MBUF_F_EXTERNAL: the only ol_flags bit a reset keeps. */
    public static final long F_EXTERNAL = 1L << 61;
    public static final int PORT_INVALID = 0xFFFF;

    private Mbuf() {
    }

    /** Address of the first byte of packet data: buf_addr + data_off (rte_pktmbuf_mtod). */
    public static long data(long mbuf) {
        return ALL.get(JAVA_LONG, mbuf + BUF_ADDR) + (ALL.get(JAVA_SHORT, mbuf + DATA_OFF) & 0xFFFF);
    }

    public static int dataLength(long mbuf) {
        return ALL.get(JAVA_SHORT, mbuf + DATA_LEN) & 0xFFFF;
    }

    public static int packetLength(long mbuf) {
        return ALL.get(JAVA_INT, mbuf + PKT_LEN);
    }

    public static int port(long mbuf) {
        return ALL.get(JAVA_SHORT, mbuf + PORT) & 0xFFFF;
    }

    public static int segments(long mbuf) {
        return ALL.get(JAVA_SHORT, mbuf + NB_SEGS) & 0xFFFF;
    }

    public static int bufferLength(long mbuf) {
        return ALL.get(JAVA_SHORT, mbuf + BUF_LEN) & 0xFFFF;
    }

    public static int headroom(long mbuf) {
        return ALL.get(JAVA_SHORT, mbuf + DATA_OFF) & 0xFFFF;
    }

    /** Sets data_len and pkt_len of a single-segment mbuf. */
    public static void setLength(long mbuf, int length) {
        ALL.set(JAVA_SHORT, mbuf + DATA_LEN, (short) length);
        ALL.set(JAVA_INT, mbuf + PKT_LEN, length);
    }

    /** rte_pktmbuf_reset (static inline in C): a freshly allocated, empty, single-segment mbuf. */
    public static void reset(long mbuf, int headroom) {
        ALL.set(JAVA_LONG, mbuf + NEXT, 0L);
        ALL.set(JAVA_INT, mbuf + PKT_LEN, 0);
        ALL.set(JAVA_LONG, mbuf + TX_OFFLOAD, 0L);
        ALL.set(JAVA_SHORT, mbuf + VLAN_TCI, (short) 0);
        ALL.set(JAVA_SHORT, mbuf + VLAN_TCI_OUTER, (short) 0);
        ALL.set(JAVA_SHORT, mbuf + NB_SEGS, (short) 1);
        ALL.set(JAVA_SHORT, mbuf + PORT, (short) PORT_INVALID);
        ALL.set(JAVA_LONG, mbuf + OL_FLAGS, ALL.get(JAVA_LONG, mbuf + OL_FLAGS) & F_EXTERNAL);
        ALL.set(JAVA_INT, mbuf + PACKET_TYPE, 0);
        ALL.set(JAVA_SHORT, mbuf + DATA_OFF, (short) Math.min(headroom, bufferLength(mbuf)));
        ALL.set(JAVA_SHORT, mbuf + DATA_LEN, (short) 0);
    }
}
