package dev.mano.dataplane.runtime;

import dev.mano.dataplane.bindings.Dpdk;
import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.eal.DpdkException;
import dev.mano.dataplane.eal.Eal;
import dev.mano.dataplane.engine.DataplaneSnapshot;
import dev.mano.dataplane.engine.Dataplane;
import dev.mano.dataplane.engine.Engine;
import dev.mano.dataplane.engine.IdleSleep;
import dev.mano.dataplane.engine.WorkerPlan;
import dev.mano.dataplane.port.Mempool;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.port.PortSettings;
import dev.mano.dataplane.port.VhostUserSocket;
import dev.mano.dataplane.vnf.Vnf;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A VNF brought up on an initialised EAL: ports probed (from their devargs), configured and started,
 * a mempool, and the engine running the VNF's plan. {@link #close()} tears it all down in reverse.
 */
public final class RunningVnf implements Dataplane, AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Vnf vnf;
    private final Mempool pool;
    private final List<Port> ports;
    private final Engine engine;
    private boolean closed;

    private RunningVnf(Vnf vnf, Mempool pool, List<Port> ports, Engine engine) {
        this.vnf = vnf;
        this.pool = pool;
        this.ports = ports;
        this.engine = engine;
    }

    public static RunningVnf start(Eal eal, RuntimeConfig config, Vnf vnf) {
        List<Integer> lcores = eal.workerLcores();
        if (lcores.isEmpty()) {
            throw new ConfigException("no worker lcore: give EAL at least two cores (e.g. -l 0-1); the first is the main lcore");
        }
        for (String name : vnf.portNames()) {
            if (config.ports().stream().noneMatch(p -> p.name().equals(name))) {
                throw new ConfigException(config.source() + ": " + vnf.identity().type() + " uses port " + name
                        + " which is not in the ports section");
            }
        }
        List<PortSettings> settings = config.ports().stream().map(p -> p.withQueuesIfUnset(lcores.size())).toList();
        long newPorts = settings.stream().filter(p -> !Port.names().contains(p.name())).count();
        if (Port.names().size() + newPorts > Dpdk.RTE_MAX_ETHPORTS()) {
            // DPDK's own refusal only says "Driver cannot attach the device" for the first port too many
            throw new ConfigException(config.source() + ": " + settings.size() + " ports, but this DPDK build has at most "
                    + Dpdk.RTE_MAX_ETHPORTS() + " per process (RTE_MAX_ETHPORTS" + (Port.names().isEmpty() ? ""
                    : ", " + Port.names().size() + " in use") + ")");
        }
        settings.forEach(RunningVnf::probe);
        int mbufs = config.mbufs() > 0 ? config.mbufs() : mbufsFor(settings, lcores.size(), config);
        Mempool pool = Mempool.create("mbufs_" + ProcessHandle.current().pid() + "_" + INSTANCES.incrementAndGet(), mbufs,
                config.mempoolCache(), eal.socketOf(eal.mainLcore()));
        List<Port> ports = new ArrayList<>();
        try {
            for (PortSettings port : settings) {
                ports.add(Port.configure(port, pool));
                grantSocketAccess(port);
            }
            for (Port port : ports) {
                port.start();
            }
            List<WorkerPlan> plans = vnf.plan(ports, lcores);
            Engine engine = Engine.launch(vnf.identity(), ports, plans, config.burst(),
                    IdleSleep.ofMicros(config.idleSleepMicros()));
            return new RunningVnf(vnf, pool, ports, engine);
        } catch (RuntimeException e) {
            ports.forEach(Port::close);
            pool.close();
            throw e;
        }
    }

    /** Creates the port's device from its devargs unless EAL already has a port of that name. */
    private static void probe(PortSettings port) {
        if (Port.names().contains(port.name())) {
            return;
        }
        VhostUserSocket.serverPath(port.devargs()).ifPresent(VhostUserSocket::removeIfStale);
        if (port.devargs() == null) {
            throw new DpdkException("no DPDK port named '" + port.name() + "' (ports: " + Port.names()
                    + "); give its devargs in the config (e.g. devargs: net_null0) or pass --vdev/-a to EAL");
        }
        try (Arena arena = Arena.ofConfined()) {
            int rc = Dpdk.rte_dev_probe(arena.allocateFrom(port.devargs()));
            if (rc < 0) {
                throw DpdkException.ofReturn("probing device '" + port.devargs() + "' for port " + port.name()
                        + " (rte_dev_probe; the EAL messages above name the driver's complaint)", rc);
            }
        }
        if (!Port.names().contains(port.name())) {
            throw new DpdkException("device '" + port.devargs() + "' was probed but created no port named " + port.name()
                    + " (ports now: " + Port.names() + "); the port name is the part of devargs before the first comma");
        }
    }

    /** DPDK bound a vhost-user server port's socket when the port was configured: set who may connect. */
    private static void grantSocketAccess(PortSettings port) {
        if (!port.socketAccess().changesAnything()) {
            return;
        }
        Path socket = VhostUserSocket.serverPath(port.devargs()).orElseThrow();
        try {
            port.socketAccess().applyTo(socket);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("port " + port.name() + ": cannot set mode/group of its socket " + socket + ": " + e);
        }
    }

    /** Every descriptor full, every lcore cache full, a burst in flight per lcore, and headroom; as 2^n - 1. */
    private static int mbufsFor(List<PortSettings> ports, int lcores, RuntimeConfig config) {
        long needed = 2048;
        for (PortSettings port : ports) {
            // a vhost-user port has no descriptor ring of mbufs: it allocates per dequeue burst and copies into
            // the guest's buffers on enqueue, so it holds at most a burst per queue (a 16-segment chain switch
            // would otherwise ask for 131071 mbufs, more than its 256 MB)
            long perQueue = VhostUserSocket.isVhost(port.devargs())
                    ? 2L * config.burst() : port.rxDescriptors() + port.txDescriptors();
            needed += port.queues() * perQueue;
        }
        needed += (long) (lcores + 1) * (config.mempoolCache() + 2L * config.burst());
        long size = Long.highestOneBit(needed) << 1;
        return (int) Math.min(size - 1, 1 << 24);
    }

    public Engine engine() {
        return engine;
    }

    public Vnf vnf() {
        return vnf;
    }

    public List<Port> ports() {
        return ports;
    }

    public Mempool pool() {
        return pool;
    }

    @Override
    public DataplaneSnapshot snapshot() {
        return engine.snapshot();
    }

    @Override
    public void stop() {
        engine.stop();
    }

    @Override
    public boolean running() {
        return engine.running();
    }

    /** Stops the workers (from any thread), then stops and closes the ports and frees the mempool. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        engine.close();
        ports.forEach(Port::close);
        pool.close();
    }
}
