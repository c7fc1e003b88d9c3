package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.vnf.chain.PortRef;

import java.util.List;
import java.util.Map;

/**
 * What a router worker reads per packet: the LPM table and the neighbours its next hops index,
 * flattened to arrays. Immutable once built; {@link Router} builds a new one for every change.
 */
public final class ForwardingTable implements AutoCloseable {
    private final Dir24_8Table lpm;
    private final int[] ports;
    private final long[] destinations;
    private final long[] sources;
    private final List<Route> routes;
    private final List<Neighbour> neighbours;

    /** @param ports the ports neighbours name, with their DPDK ids and MACs (the default source MAC) */
    public ForwardingTable(List<Route> routes, List<Neighbour> neighbours, int maxGroups, Map<String, PortRef> ports) {
        for (Route route : routes) {
            if (route.nextHop() >= neighbours.size()) {
                throw new IllegalArgumentException("route " + route + " names next hop " + route.nextHop()
                        + " but only " + neighbours.size() + " neighbours are configured");
            }
        }
        this.routes = List.copyOf(routes);
        this.neighbours = List.copyOf(neighbours);
        this.ports = new int[neighbours.size()];
        this.destinations = new long[neighbours.size()];
        this.sources = new long[neighbours.size()];
        for (int i = 0; i < neighbours.size(); i++) {
            Neighbour neighbour = neighbours.get(i);
            PortRef port = ports.get(neighbour.port());
            if (port == null) {
                throw new IllegalArgumentException("neighbour " + neighbour.name() + " is behind port " + neighbour.port()
                        + ", which the router does not have (ports: " + ports.keySet() + ")");
            }
            this.ports[i] = port.id();
            destinations[i] = neighbour.destination().bits();
            sources[i] = (neighbour.source() != null ? neighbour.source() : port.mac()).bits();
        }
        this.lpm = new Dir24_8Table(maxGroups);
        lpm.load(routes);
    }

    /** Next hop index or {@link Dir24_8Table#NO_ROUTE}. */
    public int lookup(int destination) {
        return lpm.lookup(destination);
    }

    public int port(int nextHop) {
        return ports[nextHop];
    }

    public long destinationMac(int nextHop) {
        return destinations[nextHop];
    }

    public long sourceMac(int nextHop) {
        return sources[nextHop];
    }

    public List<Route> routes() {
        return routes;
    }

    public List<Neighbour> neighbours() {
        return neighbours;
    }

    @Override
    public void close() {
        lpm.close();
    }
}
