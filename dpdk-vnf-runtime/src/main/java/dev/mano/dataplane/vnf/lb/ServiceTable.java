package dev.mano.dataplane.vnf.lb;

import java.util.List;

/** What an LB worker reads: the services (few, scanned linearly) and each one's Maglev table and backend MACs. */
final class ServiceTable implements AutoCloseable {
    private final List<VirtualService> services;
    private final int[] addresses;
    private final int[] ports;
    private final int[] protocols;
    private final MaglevTable[] tables;
    private final long[][] macs;

    ServiceTable(List<VirtualService> services, int tableSize) {
        this.services = List.copyOf(services);
        int n = services.size();
        this.addresses = new int[n];
        this.ports = new int[n];
        this.protocols = new int[n];
        this.tables = new MaglevTable[n];
        this.macs = new long[n][];
        for (int s = 0; s < n; s++) {
            VirtualService service = services.get(s);
            addresses[s] = service.address();
            ports[s] = service.port();
            protocols[s] = service.protocol();
            tables[s] = new MaglevTable(service.backends(), tableSize);
            macs[s] = service.backends().stream().mapToLong(b -> b.mac().bits()).toArray();
        }
    }

    /** Index of the service for this destination, or -1. */
    int find(int address, int port, int protocol) {
        for (int s = 0; s < addresses.length; s++) {
            if (addresses[s] == address && ports[s] == port && protocols[s] == protocol) {
                return s;
            }
        }
        return -1;
    }

    /** The MAC of the backend this flow goes to, or -1 when the service has no healthy backend. */
    long backendMac(int service, int flowHash) {
        int backend = tables[service].lookup(flowHash);
        return backend < 0 ? -1 : macs[service][backend];
    }

    MaglevTable table(int service) {
        return tables[service];
    }

    List<VirtualService> services() {
        return services;
    }

    @Override
    public void close() {
        for (MaglevTable table : tables) {
            table.close();
        }
    }
}
