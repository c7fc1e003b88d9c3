package dev.mano.dataplane.port;

/**
 * How to open one port.
 *
 * @param name          DPDK's port name (a vdev name such as net_null0, or a PCI address)
 * @param devargs       the device arguments that create it, passed to EAL as --vdev (PCI devices: -a); may be null
 *                      when the port comes from the EAL arguments
 * @param queues        rx and tx queues (one pair per worker lcore that serves the port); RSS spreads rx over them;
 *                      0 = decide later: one per worker lcore ({@link #withQueuesIfUnset})
 * @param rxDescriptors rx ring size per queue (DPDK adjusts it to the device's limits)
 * @param txDescriptors tx ring size per queue
 * @param socketAccess  for a vhost-user server port: who may connect to its socket
 */
public record PortSettings(String name, String devargs, int queues, int rxDescriptors, int txDescriptors,
                           SocketAccess socketAccess) {
    public PortSettings(String name, String devargs, int queues, int rxDescriptors, int txDescriptors) {
        this(name, devargs, queues, rxDescriptors, txDescriptors, SocketAccess.AS_CREATED);
    }

    public PortSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a port needs a name");
        }
        if (queues < 0 || queues > 1024) {
            throw new IllegalArgumentException("port " + name + ": queues must be 1..1024, got " + queues);
        }
    }

    public PortSettings withQueuesIfUnset(int count) {
        return queues > 0 ? this : new PortSettings(name, devargs, count, rxDescriptors, txDescriptors, socketAccess);
    }
}
