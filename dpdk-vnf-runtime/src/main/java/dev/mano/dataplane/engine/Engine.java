package dev.mano.dataplane.engine;

import dev.mano.dataplane.bindings.Dpdk;
import dev.mano.dataplane.bindings.lcore_function_t;
import dev.mano.dataplane.eal.DpdkException;
import dev.mano.dataplane.eal.Eal;
import dev.mano.dataplane.port.Port;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one worker per lcore through rte_eal_remote_launch: EAL's own pinned lcore thread calls an
 * upcall stub that enters {@link Worker#run()}. One engine at a time per process (like EAL itself).
 */
public final class Engine implements Dataplane, AutoCloseable {
    private static final Worker[] LAUNCHED = new Worker[Dpdk.RTE_MAX_LCORE()];
    private static final MemorySegment ENTRY = lcore_function_t.allocate(Engine::enter, Arena.global());

    private final VnfIdentity vnf;
    private final List<Port> ports;
    private final List<Worker> workers;
    private final Arena arena;
    private final long startedAt;
    private final int mainLcore;
    private volatile boolean stopRequested;
    private boolean joined;

    private Engine(VnfIdentity vnf, List<Port> ports, List<Worker> workers, Arena arena, int mainLcore) {
        this.vnf = vnf;
        this.ports = List.copyOf(ports);
        this.workers = List.copyOf(workers);
        this.arena = arena;
        this.mainLcore = mainLcore;
        this.startedAt = System.nanoTime();
    }

    /** The upcall EAL runs on a worker lcore; {@code arg} carries the lcore id. */
    private static int enter(MemorySegment arg) {
        Worker worker = LAUNCHED[(int) arg.address()];
        return worker == null ? -1 : worker.run();
    }

    /**
     * Launches one worker per plan on its lcore. The ports must be started.
     *
     * @param burstSize packets per rx call (32 is DPDK's usual figure)
     * @param idleSleep what a worker does when its polls keep coming back empty ({@link IdleSleep#NONE}: poll on)
     */
    public static synchronized Engine launch(VnfIdentity vnf, List<Port> ports, List<WorkerPlan> plans, int burstSize,
                                             IdleSleep idleSleep) {
        Eal eal = Eal.current();
        if (burstSize < 1 || burstSize > Burst.MAX_SIZE) {
            throw new DpdkException("burst size must be 1.." + Burst.MAX_SIZE + ", got " + burstSize);
        }
        for (WorkerPlan plan : plans) {
            if (!eal.workerLcores().contains(plan.lcore())) {
                throw new DpdkException("lcore " + plan.lcore() + " is not a worker lcore of this EAL (workers: "
                        + eal.workerLcores() + "; give more cores with -l)");
            }
            if (LAUNCHED[plan.lcore()] != null && !LAUNCHED[plan.lcore()].finished()) {
                throw new DpdkException("lcore " + plan.lcore() + " already runs a worker");
            }
        }
        Arena arena = Arena.ofShared();
        List<Worker> workers = new ArrayList<>();
        for (WorkerPlan plan : plans) {
            Worker worker = new Worker(plan, eal.cpuOf(plan.lcore()), burstSize, idleSleep, arena);
            workers.add(worker);
            LAUNCHED[plan.lcore()] = worker;
        }
        Engine engine = new Engine(vnf, ports, workers, arena, eal.mainLcore());
        for (int i = 0; i < workers.size(); i++) {
            Worker worker = workers.get(i);
            int rc = Dpdk.rte_eal_remote_launch(ENTRY, MemorySegment.ofAddress(worker.lcore()), worker.lcore());
            if (rc != 0) {
                workers.subList(i, workers.size()).forEach(Worker::abandon);
                engine.close();
                throw DpdkException.ofReturn("rte_eal_remote_launch(lcore " + worker.lcore() + ")", rc);
            }
        }
        return engine;
    }

    @Override
    public DataplaneSnapshot snapshot() {
        List<LcoreSnapshot> lcores = workers.stream().map(Worker::snapshot).toList();
        List<PortSnapshot> portSnapshots = ports.stream().map(port -> new PortSnapshot(port.id(), port.name(),
                port.driver(), port.mac().toString(), port.queues(), port.link().up(), port.stats())).toList();
        return new DataplaneSnapshot(vnf, System.nanoTime() - startedAt, running(), mainLcore, lcores, portSnapshots);
    }

    @Override
    public void stop() {
        stopRequested = true;
        workers.forEach(Worker::requestStop);
        for (Worker worker : workers) {
            try {
                worker.awaitDone();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean running() {
        return !stopRequested && workers.stream().noneMatch(Worker::finished);
    }

    public VnfIdentity vnf() {
        return vnf;
    }

    public List<Port> ports() {
        return ports;
    }

    /** The Java thread id of each worker (-1 until it entered its loop), for allocation accounting. */
    public List<Long> workerThreadIds() {
        return workers.stream().map(Worker::threadId).toList();
    }

    /** The first exception a worker died of, if any. */
    public Optional<Throwable> failure() {
        return workers.stream().map(Worker::failure).filter(f -> f != null).findFirst();
    }

    /** Stops the workers and returns their lcores to EAL's WAIT state (call from the main lcore). */
    @Override
    public synchronized void close() {
        stop();
        if (!joined) {
            joined = true;
            for (Worker worker : workers) {
                Dpdk.rte_eal_wait_lcore(worker.lcore());
                if (LAUNCHED[worker.lcore()] == worker) {
                    LAUNCHED[worker.lcore()] = null;
                }
            }
            arena.close();
        }
    }
}
