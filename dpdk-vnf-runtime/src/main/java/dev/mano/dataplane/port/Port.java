package dev.mano.dataplane.port;

import dev.mano.dataplane.bindings.Dpdk;
import dev.mano.dataplane.bindings.rte_eth_conf;
import dev.mano.dataplane.bindings.rte_eth_dev_info;
import dev.mano.dataplane.bindings.rte_eth_rss_conf;
import dev.mano.dataplane.bindings.rte_eth_rxmode;
import dev.mano.dataplane.bindings.rte_eth_stats;
import dev.mano.dataplane.bindings.rte_eth_txmode;
import dev.mano.dataplane.bindings.rte_eth_xstat;
import dev.mano.dataplane.bindings.rte_eth_xstat_name;
import dev.mano.dataplane.eal.DpdkException;
import dev.mano.dataplane.packet.MacAddress;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/** One ethdev port: configured with N rx/tx queue pairs (RSS over the rx queues when N > 1). */
public final class Port implements AutoCloseable {
    private final int id;
    private final PortSettings settings;
    private final String driver;
    private final MacAddress mac;
    private boolean started;
    private boolean closed;

    private Port(int id, PortSettings settings, String driver, MacAddress mac) {
        this.id = id;
        this.settings = settings;
        this.driver = driver;
        this.mac = mac;
    }

    /** The id of the port DPDK knows by this name (EAL must have probed it). */
    public static int idOf(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment id = arena.allocate(JAVA_SHORT);
            int rc = Dpdk.rte_eth_dev_get_port_by_name(arena.allocateFrom(name), id);
            if (rc != 0) {
                throw new DpdkException("no DPDK port named '" + name + "' (" + Dpdk.rte_eth_dev_count_avail()
                        + " ports exist: " + names() + "); give it as devargs in the config or as --vdev/-a to EAL");
            }
            return id.get(JAVA_SHORT, 0) & 0xFFFF;
        }
    }

    /** Names of all ports EAL has probed. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(Dpdk.RTE_ETH_NAME_MAX_LEN());
            for (int id = 0; id < Dpdk.RTE_MAX_ETHPORTS(); id++) {
                if (Dpdk.rte_eth_dev_is_valid_port((short) id) != 0
                        && Dpdk.rte_eth_dev_get_name_by_port((short) id, name) == 0) {
                    names.add(name.getString(0));
                }
            }
        }
        return names;
    }

    /** Configures the port and sets up its queues with buffers from {@code pool}; does not start it. */
    public static Port configure(PortSettings settings, Mempool pool) {
        int id = idOf(settings.name());
        short portId = (short) id;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = arena.allocate(rte_eth_dev_info.layout());
            check("rte_eth_dev_info_get(" + settings.name() + ")", Dpdk.rte_eth_dev_info_get(portId, info));
            String driver = rte_eth_dev_info.driver_name(info).reinterpret(64).getString(0);
            int maxRx = rte_eth_dev_info.max_rx_queues(info) & 0xFFFF;
            int maxTx = rte_eth_dev_info.max_tx_queues(info) & 0xFFFF;
            if (settings.queues() > maxRx || settings.queues() > maxTx) {
                throw new DpdkException("port " + settings.name() + " (" + driver + ") has at most " + maxRx + " rx and "
                        + maxTx + " tx queues; the configuration asks for " + settings.queues());
            }
            MemorySegment conf = arena.allocate(rte_eth_conf.layout());
            long rssOffloads = rte_eth_dev_info.flow_type_rss_offloads(info);
            long rss = (Dpdk.RTE_ETH_RSS_IP() | Dpdk.RTE_ETH_RSS_TCP() | Dpdk.RTE_ETH_RSS_UDP()) & rssOffloads;
            if (settings.queues() > 1 && rss != 0) {
                rte_eth_rxmode.mq_mode(rte_eth_conf.rxmode(conf), Dpdk.RTE_ETH_MQ_RX_RSS());
                rte_eth_rss_conf.rss_hf(rte_eth_conf.rx_adv_conf.rss_conf(rte_eth_conf.rx_adv_conf(conf)), rss);
            }
            // Same choice as testpmd: every mbuf comes from one pool with refcnt 1, so the PMD may free fast.
            long fastFree = Dpdk.RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE();
            if ((rte_eth_dev_info.tx_offload_capa(info) & fastFree) != 0) {
                rte_eth_txmode.offloads(rte_eth_conf.txmode(conf), fastFree);
            }
            check("rte_eth_dev_configure(" + settings.name() + ", " + settings.queues() + " queues)",
                    Dpdk.rte_eth_dev_configure(portId, (short) settings.queues(), (short) settings.queues(), conf));
            MemorySegment rxd = arena.allocate(JAVA_SHORT);
            MemorySegment txd = arena.allocate(JAVA_SHORT);
            rxd.set(JAVA_SHORT, 0, (short) settings.rxDescriptors());
            txd.set(JAVA_SHORT, 0, (short) settings.txDescriptors());
            check("rte_eth_dev_adjust_nb_rx_tx_desc(" + settings.name() + ")",
                    Dpdk.rte_eth_dev_adjust_nb_rx_tx_desc(portId, rxd, txd));
            int socket = Dpdk.rte_eth_dev_socket_id(portId);
            if (socket < 0) {
                socket = Dpdk.SOCKET_ID_ANY();
            }
            for (int q = 0; q < settings.queues(); q++) {
                check("rte_eth_rx_queue_setup(" + settings.name() + ", queue " + q + ")",
                        Dpdk.rte_eth_rx_queue_setup(portId, (short) q, rxd.get(JAVA_SHORT, 0), socket, MemorySegment.NULL,
                                pool.segment()));
                check("rte_eth_tx_queue_setup(" + settings.name() + ", queue " + q + ")",
                        Dpdk.rte_eth_tx_queue_setup(portId, (short) q, txd.get(JAVA_SHORT, 0), socket, MemorySegment.NULL));
            }
            MemorySegment macBytes = arena.allocate(6);
            check("rte_eth_macaddr_get(" + settings.name() + ")", Dpdk.rte_eth_macaddr_get(portId, macBytes));
            return new Port(id, settings, driver, MacAddress.ofBytes(macBytes.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)));
        }
    }

    private static void check(String what, int rc) {
        if (rc < 0) {
            throw DpdkException.ofReturn(what, rc);
        }
    }

    public void start() {
        check("rte_eth_dev_start(" + name() + ")", Dpdk.rte_eth_dev_start((short) id));
        started = true;
        // Promiscuous mode is what a bump-in-the-wire VNF needs; some PMDs (null, ring) do not support it.
        Dpdk.rte_eth_promiscuous_enable((short) id);
    }

    public void stop() {
        if (started) {
            started = false;
            Dpdk.rte_eth_dev_stop((short) id);
        }
    }

    @Override
    public void close() {
        stop();
        if (!closed) {
            closed = true;
            Dpdk.rte_eth_dev_close((short) id);
        }
    }

    public int id() {
        return id;
    }

    public String name() {
        return settings.name();
    }

    public PortSettings settings() {
        return settings;
    }

    public int queues() {
        return settings.queues();
    }

    public String driver() {
        return driver;
    }

    public MacAddress mac() {
        return mac;
    }

    public boolean started() {
        return started;
    }

    public Link link() {
        try (Arena arena = Arena.ofConfined()) {
            // struct rte_eth_link { uint32_t link_speed; uint16_t duplex:1, autoneg:1, status:1; } (bitfields:
            // jextract skips them, so they are read by hand; StructLayoutTest checks the bit positions).
            MemorySegment link = arena.allocate(8, 8);
            check("rte_eth_link_get_nowait(" + name() + ")", Dpdk.rte_eth_link_get_nowait((short) id, link));
            int bits = link.get(JAVA_SHORT, 4);
            return new Link(link.get(JAVA_INT, 0), (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
        }
    }

    public PortStats stats() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(rte_eth_stats.layout());
            check("rte_eth_stats_get(" + name() + ")", Dpdk.rte_eth_stats_get((short) id, s));
            return new PortStats(rte_eth_stats.ipackets(s), rte_eth_stats.opackets(s), rte_eth_stats.ibytes(s),
                    rte_eth_stats.obytes(s), rte_eth_stats.imissed(s), rte_eth_stats.ierrors(s),
                    rte_eth_stats.oerrors(s), rte_eth_stats.rx_nombuf(s));
        }
    }

    public void resetStats() {
        Dpdk.rte_eth_stats_reset((short) id);
    }

    public List<Xstat> xstats() {
        try (Arena arena = Arena.ofConfined()) {
            int count = Dpdk.rte_eth_xstats_get_names((short) id, MemorySegment.NULL, 0);
            check("rte_eth_xstats_get_names(" + name() + ")", count);
            MemorySegment names = arena.allocate(rte_eth_xstat_name.layout(), Math.max(1, count));
            MemorySegment values = arena.allocate(rte_eth_xstat.layout(), Math.max(1, count));
            check("rte_eth_xstats_get_names(" + name() + ")", Dpdk.rte_eth_xstats_get_names((short) id, names, count));
            int got = Dpdk.rte_eth_xstats_get((short) id, values, count);
            check("rte_eth_xstats_get(" + name() + ")", got);
            List<Xstat> xstats = new ArrayList<>(got);
            for (int i = 0; i < Math.min(got, count); i++) {
                MemorySegment value = rte_eth_xstat.asSlice(values, i);
                MemorySegment name = rte_eth_xstat_name.asSlice(names, rte_eth_xstat.id(value));
                xstats.add(new Xstat(rte_eth_xstat_name.name(name).getString(0), rte_eth_xstat.value(value)));
            }
            return xstats;
        }
    }

    @Override
    public String toString() {
        return name() + "(port " + id + ", " + driver + ", " + queues() + " queues, " + mac + ")";
    }
}
