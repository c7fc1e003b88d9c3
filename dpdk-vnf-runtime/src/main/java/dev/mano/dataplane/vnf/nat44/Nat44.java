package dev.mano.dataplane.vnf.nat44;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The NAT44 VNF's control side. One worker translates (the mapping table and the port pool are its
 * own: two workers would need symmetric RSS and a split port range, not done here); the control path
 * adds static mappings under the same monitor the worker holds per burst.
 */
public final class Nat44 implements AutoCloseable {
    private final Nat44Config config;
    private final MappingTable mappings;
    private final PortAllocator ports;
    private final List<Nat44Stage> stages = new CopyOnWriteArrayList<>();
    private final AtomicLong exhaustion = new AtomicLong();

    public Nat44(Nat44Config config) {
        this.config = config;
        this.mappings = new MappingTable(config.maxMappings());
        this.ports = new PortAllocator(config.pool(), config.firstPort(), config.lastPort());
        config.staticMappings().forEach(this::addStatic);
    }

    /** @param insidePort the DPDK port id of the inside port: packets received there are source-translated */
    public synchronized Nat44Stage newStage(int insidePort) {
        if (!stages.isEmpty()) {
            throw new IllegalStateException("nat44 runs on one worker: its port pool and mappings are not split across workers");
        }
        Nat44Stage stage = new Nat44Stage(this, mappings, ports, config, insidePort);
        stages.add(stage);
        return stage;
    }

    /** Installs a static DNAT (replies leave from its external endpoint); false when one exists for that endpoint. */
    public synchronized boolean addStatic(StaticMapping mapping) {
        if (mappings.findInbound(mapping.protocol(), mapping.externalAddress(), mapping.externalPort()) >= 0
                || mappings.findOutbound(mapping.protocol(), mapping.internalAddress(), mapping.internalPort()) >= 0) {
            return false;
        }
        ports.reserve(mapping.protocol(), mapping.externalAddress(), mapping.externalPort());
        return mappings.add(mapping.protocol(), MappingTable.endpoint(mapping.internalAddress(), mapping.internalPort()),
                MappingTable.endpoint(mapping.externalAddress(), mapping.externalPort()), Long.MAX_VALUE, true);
    }

    void countExhaustion() {
        exhaustion.incrementAndGet();
    }

    /** New mappings refused because the pool had no free port. */
    public long exhaustion() {
        return exhaustion.get();
    }

    public synchronized int mappings() {
        return mappings.size();
    }

    public synchronized int portsInUse(int protocol) {
        return ports.inUse(protocol);
    }

    public Map<Nat44Drop, Long> drops() {
        Map<Nat44Drop, Long> total = new EnumMap<>(Nat44Drop.class);
        for (Nat44Stage stage : stages) {
            stage.drops().snapshot().forEach((reason, count) -> total.merge(reason, count, Long::sum));
        }
        return total;
    }

    @Override
    public synchronized void close() {
        mappings.close();
        ports.close();
    }
}
