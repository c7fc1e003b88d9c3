package dev.mano.dataplane.vnf.lb;

import dev.mano.dataplane.vnf.chain.Published;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The lb VNF's control side: virtual services and their backends, changed at run time (add, remove,
 * health) by building new Maglev tables and publishing them under running workers.
 */
public final class LoadBalancer implements AutoCloseable {
    private final Published<ServiceTable> services;
    private final int tableSize;
    private final List<LbStage> stages = new CopyOnWriteArrayList<>();

    public LoadBalancer(LbConfig config) {
        this.tableSize = config.tableSize();
        this.services = new Published<>(new ServiceTable(config.services(), tableSize));
    }

    /** @param sourceMac the MAC the stage sends from (the config's, else the transmitting port's) */
    public LbStage newStage(long sourceMac) {
        LbStage stage = new LbStage(services.register(), sourceMac);
        stages.add(stage);
        return stage;
    }

    public List<VirtualService> services() {
        return services.current().services();
    }

    public synchronized void replaceServices(List<VirtualService> next) {
        services.replace(new ServiceTable(next, tableSize)).close();
    }

    /** Adds the backend to the service, or replaces the one with its name. */
    public synchronized void putBackend(String service, Backend backend) {
        change(service, backends -> {
            backends.removeIf(b -> b.name().equals(backend.name()));
            backends.add(backend);
        });
    }

    public synchronized void removeBackend(String service, String backend) {
        change(service, backends -> {
            if (!backends.removeIf(b -> b.name().equals(backend))) {
                throw new IllegalArgumentException("service " + service + " has no backend " + backend);
            }
        });
    }

    public synchronized void setHealth(String service, String backend, boolean healthy) {
        change(service, backends -> {
            boolean found = false;
            for (int i = 0; i < backends.size(); i++) {
                if (backends.get(i).name().equals(backend)) {
                    backends.set(i, backends.get(i).withHealth(healthy));
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("service " + service + " has no backend " + backend);
            }
        });
    }

    private void change(String service, java.util.function.Consumer<List<Backend>> edit) {
        List<VirtualService> next = new ArrayList<>();
        boolean found = false;
        for (VirtualService s : services()) {
            if (s.name().equals(service)) {
                List<Backend> backends = new ArrayList<>(s.backends());
                edit.accept(backends);
                next.add(s.withBackends(backends));
                found = true;
            } else {
                next.add(s);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no service named " + service);
        }
        replaceServices(next);
    }

    /** Which backend (by name) the published table gives this flow; null if none. For tests and the agent. */
    public String backendFor(String service, int source, int destination, int ports, int protocol) {
        ServiceTable table = services.current();
        for (int s = 0; s < table.services().size(); s++) {
            if (table.services().get(s).name().equals(service)) {
                int index = table.table(s).lookup(LbStage.flowHash(source, destination, ports, protocol));
                return index < 0 ? null : table.services().get(s).backends().get(index).name();
            }
        }
        throw new IllegalArgumentException("no service named " + service);
    }

    public Map<LbDrop, Long> drops() {
        Map<LbDrop, Long> total = new EnumMap<>(LbDrop.class);
        for (LbStage stage : stages) {
            stage.drops().snapshot().forEach((reason, count) -> total.merge(reason, count, Long::sum));
        }
        return total;
    }

    @Override
    public void close() {
        services.current().close();
    }
}
