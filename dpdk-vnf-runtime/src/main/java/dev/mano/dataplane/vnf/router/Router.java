package dev.mano.dataplane.vnf.router;

import dev.mano.dataplane.vnf.chain.PortRef;
import dev.mano.dataplane.vnf.chain.Published;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The router VNF's control side: holds the published forwarding table, makes one {@link RouterStage}
 * per worker, and changes routes and neighbours at run time (the Java API the VNFM agent calls, and what
 * a config reload uses). Each change builds a whole new table off to the side, publishes it, waits for
 * every worker to finish the burst it is in, then frees the old one: forwarding never stops.
 */
public final class Router implements AutoCloseable {
    private final Published<ForwardingTable> table;
    private final int maxGroups;
    private final Map<String, PortRef> ports;
    private final List<RouterStage> stages = new CopyOnWriteArrayList<>();

    public Router(RouterConfig config, Map<String, PortRef> ports) {
        this.maxGroups = config.maxTbl8Groups();
        this.ports = Map.copyOf(ports);
        this.table = new Published<>(new ForwardingTable(config.routes(), config.neighbours(), maxGroups, this.ports));
    }

    public RouterStage newStage() {
        RouterStage stage = new RouterStage(table.register());
        stages.add(stage);
        return stage;
    }

    public List<Route> routes() {
        return table.current().routes();
    }

    public List<Neighbour> neighbours() {
        return table.current().neighbours();
    }

    /** Replaces routes and neighbours together (a config reload). */
    public synchronized void replace(List<Route> routes, List<Neighbour> neighbours) {
        ForwardingTable next = new ForwardingTable(routes, neighbours, maxGroups, ports);
        table.replace(next).close();
    }

    public void reload(RouterConfig config) {
        replace(config.routes(), config.neighbours());
    }

    /** Adds a route or replaces the one with the same prefix and length. */
    public synchronized void addRoute(Route route) {
        List<Route> routes = new ArrayList<>(routes());
        routes.removeIf(r -> r.prefix() == route.prefix() && r.depth() == route.depth());
        routes.add(route);
        replace(routes, neighbours());
    }

    /** Removes the route for this prefix; false when there was none. */
    public synchronized boolean removeRoute(int prefix, int depth) {
        List<Route> routes = new ArrayList<>(routes());
        Route probe = new Route(prefix, depth, 0);
        boolean removed = routes.removeIf(r -> r.prefix() == probe.prefix() && r.depth() == depth);
        if (removed) {
            replace(routes, neighbours());
        }
        return removed;
    }

    /** Which next hop the published table gives this address (control path, for tests and the agent). */
    public int lookup(int destination) {
        return table.current().lookup(destination);
    }

    /** Drops by reason summed over all workers' stages. */
    public Map<RouterDrop, Long> drops() {
        Map<RouterDrop, Long> total = new java.util.EnumMap<>(RouterDrop.class);
        for (RouterStage stage : stages) {
            stage.drops().snapshot().forEach((reason, count) -> total.merge(reason, count, Long::sum));
        }
        return total;
    }

    public long forwarded() {
        return stages.stream().mapToLong(RouterStage::forwarded).sum();
    }

    @Override
    public void close() {
        table.current().close();
    }
}
