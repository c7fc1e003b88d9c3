package dev.mano.orchestrator.placement;

import com.zaxxer.hikari.HikariDataSource;
import dev.mano.orchestrator.hosts.HostInventoryStore;
import dev.mano.vim.inventory.Cpu;
import dev.mano.vim.inventory.HostInventoryReader;
import dev.mano.vim.inventory.HostTopology;
import dev.mano.vim.inventory.HugepagePool;
import dev.mano.vim.inventory.NumaCell;
import dev.mano.vim.inventory.PhysicalFunction;
import dev.mano.vim.inventory.SimulatedHostFiles;
import dev.mano.vim.inventory.VirtualFunction;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * bench/placement: 10,000 VNFs of mixed flavours, in service chains of 1-4, onto 1,000 simulated hosts
 * (2 cells, 32-64 cores, 1G and 2M pages, 8-64 VFs). Plans the batch with the chain-aware planner and
 * with a naive first-fit over the same inventory, then commits our plans into a real PostgreSQL
 * through the same ledger writer the API uses. Not a test: it prints figures.
 *
 * <p>Hosts are written through the registration's store; their HostTopology records are built from
 * {@link SimulatedHostFiles} shapes (reading 1,000 hosts through libvirt's test driver is slow), and
 * a few sampled shapes are also read through libvirt to show the records are what libvirt reports.
 */
public final class PlacementBench {
    record Flavour(String name, int vcpus, int pmd, ThreadPolicy policy, long memoryMib, long pageKib, int nodes,
                   Map<String, Integer> vfs, int weight) {}

    static final List<Flavour> FLAVOURS = List.of(
            new Flavour("small-fw", 2, 1, ThreadPolicy.ISOLATE, 2048, 2048, 1, Map.of("north", 1), 30),
            new Flavour("nat", 4, 3, ThreadPolicy.PREFER, 4096, 1048576, 1, Map.of("north", 1, "south", 1), 25),
            new Flavour("router", 6, 4, ThreadPolicy.REQUIRE, 4096, 2048, 1, Map.of("north", 1), 20),
            new Flavour("upf", 8, 6, ThreadPolicy.ISOLATE, 8192, 1048576, 1, Map.of("north", 2, "south", 2), 15),
            new Flavour("probe", 2, 0, ThreadPolicy.PREFER, 1024, 2048, 1, Map.of(), 5),
            new Flavour("dual-node-lb", 16, 12, ThreadPolicy.ISOLATE, 16384, 1048576, 2, Map.of("north", 2, "south", 2), 5));

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int vnfs = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int commitThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Random random = new Random(42);

        List<SimulatedHostFiles.Shape> shapes = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            int coresPerCell = 16 + random.nextInt(17);            // 32-64 cores per host
            long gigPages = 24 + random.nextInt(25);                // 24-48 x 1G per cell
            long twoMegPages = 4096 + 1024L * random.nextInt(5);    // 8-16 GiB of 2M per cell
            int vfsPerPf = 2 + random.nextInt(15);                  // 2 cells x 2 PFs: 8-64 VFs
            long memoryKib = (gigPages << 20) + (twoMegPages << 11) + (16L << 20); // pages + 16 GiB for the host
            shapes.add(new SimulatedHostFiles.Shape(String.format("bench-%04d", h), 2, coresPerCell, 2,
                    memoryKib, Map.of(1048576L, gigPages, 2048L, twoMegPages), 2, vfsPerPf, true));
        }
        checkAgainstLibvirt(shapes.subList(0, Math.min(3, shapes.size())));

        Path data = Files.createTempDirectory("placement-bench-pg");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).setPort(0).start();
             HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setMaximumPoolSize(commitThreads + 2);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
            JsonMapper json = JsonMapper.builder().build();

            long t0 = System.nanoTime();
            HostInventoryStore store = new HostInventoryStore(jdbc, json);
            TransactionTemplate tx = new TransactionTemplate(transactions);
            for (SimulatedHostFiles.Shape shape : shapes) {
                int housekeepingCores = 2;
                List<Integer> isolated = new ArrayList<>();
                for (int c = 0; c < 2; c++) {
                    for (int k = housekeepingCores; k < shape.coresPerCell(); k++) {
                        for (int t = 0; t < 2; t++) {
                            isolated.add(cpuId(shape, c, k, t));
                        }
                    }
                }
                tx.executeWithoutResult(s -> store.register(shape.name(), "test:///bench/" + shape.name() + ".xml",
                        dev.mano.vim.inventory.CpuList.format(isolated), networks(shape), topology(shape)));
            }
            System.out.printf("inventory: %d hosts written to PostgreSQL in %.1f s%n", hosts, (System.nanoTime() - t0) / 1e9);

            List<PlacementRequest> batch = batch(random, vnfs);
            PlacementService service = new PlacementService(jdbc, transactions, json);

            long r0 = System.nanoTime();
            CapacitySnapshot ours = service.snapshot();
            double readS = (System.nanoTime() - r0) / 1e9;
            // The batch counts rejections but does not word them (the API does, per request).
            Planner planner = new Planner(false);
            // One untimed pass over a throwaway snapshot first: the timed pass measures compiled code, not the JIT.
            CapacitySnapshot warmUp = service.snapshot();
            long w0 = System.nanoTime();
            for (PlacementRequest r : batch) {
                planner.plan(warmUp, r, java.util.UUID.randomUUID());
            }
            double coldS = (System.nanoTime() - w0) / 1e9;
            warmUp = null;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            List<PlanOutcome> ourOutcomes = new ArrayList<>(batch.size());
            long p0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (PlacementRequest r : batch) {
                ourOutcomes.add(planner.plan(ours, r, java.util.UUID.randomUUID()));
            }
            double placementS = (System.nanoTime() - p0) / 1e9;
            double placementCpuS = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;

            CapacitySnapshot naive = service.snapshot();
            NaiveFirstFit firstFit = new NaiveFirstFit();
            List<PlanOutcome> naiveOutcomes = new ArrayList<>(batch.size());
            long f0 = System.nanoTime();
            long fcpu0 = threads.getCurrentThreadCpuTime();
            for (PlacementRequest r : batch) {
                naiveOutcomes.add(firstFit.plan(naive, r));
            }
            double firstFitS = (System.nanoTime() - f0) / 1e9;
            double firstFitCpuS = (threads.getCurrentThreadCpuTime() - fcpu0) / 1e9;

            Quality q = Quality.of(ourOutcomes, ours);
            Quality n = Quality.of(naiveOutcomes, naive);
            System.out.printf("snapshot read: %.3f s (%d hosts)%n", readS, hosts);
            System.out.printf("first (cold, JIT warm-up) pass of our planner: %.3f s%n", coldS);
            System.out.printf("planning %d VNFs in %d chains: ours %.3f s (%.3f s on-CPU), first-fit %.3f s (%.3f s on-CPU); "
                    + "load average %.1f on %d cores%n", vnfs, batch.size(), placementS, placementCpuS, firstFitS, firstFitCpuS,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%-10s %8s %8s %10s %10s %14s%n", "", "placed", "rejected", "cross-cell", "cross-host", "stranded-cpus");
            System.out.printf("%-10s %8d %8d %10d %10d %14d%n", "ours", q.placedVnfcs, q.rejectedVnfcs, q.crossCell, q.crossHost, q.strandedCpus);
            System.out.printf("%-10s %8d %8d %10d %10d %14d%n", "first-fit", n.placedVnfcs, n.rejectedVnfcs, n.crossCell, n.crossHost, n.strandedCpus);

            List<PlacementPlan> plans = ourOutcomes.stream().filter(o -> o instanceof PlanOutcome.Planned)
                    .map(o -> ((PlanOutcome.Planned) o).plan()).toList();
            AtomicInteger next = new AtomicInteger();
            long c0 = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(commitThreads)) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < commitThreads; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < plans.size(); i = next.getAndIncrement()) {
                            service.commit(plans.get(i));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            double commitS = (System.nanoTime() - c0) / 1e9;
            long rows = jdbc.queryForObject("""
                    SELECT (SELECT count(*) FROM cpu_allocation) + (SELECT count(*) FROM vf_allocation)
                         + (SELECT count(*) FROM hugepage_allocation)""", Long.class);
            long badPools = jdbc.queryForObject("""
                    SELECT count(*) FROM host_hugepage_pool p
                    LEFT JOIN (SELECT host_id, cell_id, page_size_kib, sum(pages) s FROM hugepage_allocation
                               GROUP BY 1, 2, 3) a USING (host_id, cell_id, page_size_kib)
                    WHERE p.allocated <> coalesce(a.s, 0) OR p.allocated > p.total""", Long.class);
            System.out.printf("commit: %d placements (%d VNFCs, %d allocation rows) in %.2f s on %d threads: "
                            + "%.0f placements/s, %.0f VNFCs/s, %.0f allocation rows/s; pools inconsistent: %d%n",
                    plans.size(), q.placedVnfcs, rows, commitS, commitThreads, plans.size() / commitS,
                    q.placedVnfcs / commitS, rows / commitS, badPools);
            // placement_s is the planning thread's on-CPU time (wall time on a shared 2-core machine mostly
            // measures other processes; both are printed above). An allocation is one ledger row binding a
            // CPU, N pages of a pool or a VF to a VNFC (DESIGN.md).
            System.out.printf("placement_s=%.3f commits_per_s=%.0f cross_cell_ours=%d cross_cell_first_fit=%d%n",
                    placementCpuS, rows / commitS, q.crossCell, n.crossCell);
        }
    }

    /** Builds one chain per service, 1-4 VNFs each, flavours drawn by weight, until {@code vnfs} VNFs. */
    static List<PlacementRequest> batch(Random random, int vnfs) {
        int totalWeight = FLAVOURS.stream().mapToInt(Flavour::weight).sum();
        List<PlacementRequest> out = new ArrayList<>();
        int made = 0;
        while (made < vnfs) {
            int length = Math.min(1 + random.nextInt(4), vnfs - made);
            List<VnfcNeeds> chain = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(totalWeight);
                Flavour f = FLAVOURS.getLast();
                for (Flavour candidate : FLAVOURS) {
                    pick -= candidate.weight;
                    if (pick < 0) {
                        f = candidate;
                        break;
                    }
                }
                chain.add(new VnfcNeeds(null, f.name + "-" + (made + i), f.vcpus, f.pmd, f.policy, f.memoryMib, f.pageKib,
                        f.nodes, f.vfs, i > 0 ? 1 : 0, null));
            }
            made += length;
            out.add(new PlacementRequest(Strategy.PACK, chain));
        }
        return out;
    }

    record Quality(int placedVnfcs, int rejectedVnfcs, int crossCell, int crossHost, int strandedCpus) {
        static Quality of(List<PlanOutcome> outcomes, CapacitySnapshot after) {
            int placed = 0;
            int rejected = 0;
            int cell = 0;
            int host = 0;
            for (PlanOutcome o : outcomes) {
                switch (o) {
                    case PlanOutcome.Planned p -> {
                        placed += p.plan().vnfcs().size();
                        cell += p.plan().crossCellHops();
                        host += p.plan().crossHostHops();
                    }
                    case PlanOutcome.Rejected r -> rejected++;
                }
            }
            // Stranded: free isolated CPUs on a cell where no single-cell flavour of the mix fits any more.
            List<Demand> demands = FLAVOURS.stream().filter(f -> f.nodes == 1 && f.pmd > 0)
                    .map(f -> Demand.of(new VnfcNeeds(null, f.name, f.vcpus, f.pmd, f.policy, f.memoryMib, f.pageKib,
                            1, f.vfs, 0, null))).toList();
            int stranded = 0;
            for (HostCapacity h : after.hosts()) {
                for (CellCapacity c : h.cells()) {
                    if (c.freeThreads > 0 && demands.stream().noneMatch(d -> d.fits(c))) {
                        stranded += c.freeThreads;
                    }
                }
            }
            return new Quality(placed, rejected, cell, host, stranded);
        }
    }

    static int cpuId(SimulatedHostFiles.Shape shape, int cell, int core, int thread) {
        return thread * shape.cells() * shape.coresPerCell() + cell * shape.coresPerCell() + core;
    }

    static Map<String, String> networks(SimulatedHostFiles.Shape shape) {
        Map<String, String> out = new TreeMap<>();
        for (int c = 0; c < shape.cells(); c++) {
            out.put("ens" + (c + 1) + "f0", "north");
            out.put("ens" + (c + 1) + "f1", "south");
        }
        return out;
    }

    /** The HostTopology that HostInventoryReader returns for a host written by SimulatedHostFiles with this shape. */
    static HostTopology topology(SimulatedHostFiles.Shape shape) {
        List<NumaCell> cells = new ArrayList<>();
        List<PhysicalFunction> pfs = new ArrayList<>();
        for (int c = 0; c < shape.cells(); c++) {
            List<Cpu> cpus = new ArrayList<>();
            for (int t = 0; t < shape.threadsPerCore(); t++) {
                for (int k = 0; k < shape.coresPerCell(); k++) {
                    List<Integer> siblings = new ArrayList<>();
                    for (int s = 0; s < shape.threadsPerCore(); s++) {
                        siblings.add(cpuId(shape, c, k, s));
                    }
                    cpus.add(new Cpu(cpuId(shape, c, k, t), c, k, siblings));
                }
            }
            cpus.sort(java.util.Comparator.comparingInt(Cpu::id));
            List<HugepagePool> pools = new ArrayList<>();
            int cell = c;
            shape.pagesPerCell().forEach((size, count) -> pools.add(new HugepagePool(cell, size, count, count)));
            cells.add(new NumaCell(c, shape.memoryKibPerCell(), cpus, pools));
            for (int p = 0; p < shape.pfsPerCell(); p++) {
                int bus = 0x18 + c * 0x40 + p;
                List<VirtualFunction> vfs = new ArrayList<>();
                for (int v = 0; v < shape.vfsPerPf(); v++) {
                    vfs.add(new VirtualFunction(String.format("0000:%02x:%02x.%d", bus, 2 + v / 8, v % 8), c, v));
                }
                pfs.add(new PhysicalFunction(String.format("0000:%02x:00.0", bus), "ens" + (c + 1) + "f" + p, c, vfs));
            }
        }
        pfs.sort(java.util.Comparator.comparing(PhysicalFunction::pciAddress));
        return new HostTopology(shape.name(), "Skylake-Server-IBRS", shape.kvm(), cells, pfs);
    }

    /** Writes sampled shapes as test-driver hosts, reads them through libvirt and compares with {@link #topology}. */
    static void checkAgainstLibvirt(List<SimulatedHostFiles.Shape> samples) throws Exception {
        Path dir = Files.createTempDirectory("placement-bench-hosts");
        int same = 0;
        for (SimulatedHostFiles.Shape shape : samples) {
            HostTopology viaLibvirt = HostInventoryReader.read(SimulatedHostFiles.uri(SimulatedHostFiles.write(dir, shape)));
            if (viaLibvirt.equals(topology(shape))) {
                same++;
            } else {
                System.out.println("WARNING: built topology of " + shape.name() + " differs from libvirt's:\n  libvirt: "
                        + viaLibvirt + "\n  built:   " + topology(shape));
            }
        }
        System.out.printf("topology records: %d of %d sampled hosts read through libvirt's test driver match the built ones%n",
                same, samples.size());
    }
}
