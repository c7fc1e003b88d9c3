package dev.mano.dataplane.engine;

import dev.mano.dataplane.bindings.Dpdk;
import dev.mano.dataplane.bindings.rte_eth_fp_ops;
import dev.mano.dataplane.bindings.rte_ethdev_qdata;
import dev.mano.dataplane.eal.DpdkException;
import dev.mano.dataplane.port.Port;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * One rx or tx queue as the fast path calls it: the PMD's burst function and its queue pointer,
 * read from rte_eth_fp_ops once the port is started (ethdev fills that table in rte_eth_dev_start).
 * This skips ethdev's optional rx/tx callbacks, which the runtime never installs.
 */
public record QueueEndpoint(int port, int queueId, MemorySegment function, long queue) {

    public static QueueEndpoint rx(Port port, int queueId) {
        return resolve(port, queueId, rte_eth_fp_ops.rx_pkt_burst$offset(), rte_eth_fp_ops.rxq$offset(), "rx");
    }

    public static QueueEndpoint tx(Port port, int queueId) {
        return resolve(port, queueId, rte_eth_fp_ops.tx_pkt_burst$offset(), rte_eth_fp_ops.txq$offset(), "tx");
    }

    private static QueueEndpoint resolve(Port port, int queueId, long functionOffset, long qdataOffset, String direction) {
        if (!port.started()) {
            throw new IllegalStateException("port " + port.name() + " must be started before its queues are resolved");
        }
        if (queueId < 0 || queueId >= port.queues()) {
            throw new DpdkException("port " + port.name() + " has no " + direction + " queue " + queueId);
        }
        MemorySegment ops = rte_eth_fp_ops.asSlice(Dpdk.rte_eth_fp_ops(), port.id());
        MemorySegment function = ops.get(ADDRESS, functionOffset);
        MemorySegment queues = ops.get(ADDRESS, qdataOffset + rte_ethdev_qdata.data$offset())
                .reinterpret(8L * port.queues());
        long queue = queues.getAtIndex(ADDRESS, queueId).address();
        if (function.address() == 0 || queue == 0) {
            throw new DpdkException("port " + port.name() + " " + direction + " queue " + queueId + " is not set up");
        }
        return new QueueEndpoint(port.id(), queueId, function, queue);
    }
}
