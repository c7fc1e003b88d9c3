package dev.mano.dataplane.cli;

import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.eal.DpdkException;
import dev.mano.dataplane.eal.Eal;
import dev.mano.dataplane.eal.HousekeepingAffinity;
import dev.mano.dataplane.engine.DataplaneSnapshot;
import dev.mano.dataplane.engine.LcoreSnapshot;
import dev.mano.dataplane.engine.PortSnapshot;
import dev.mano.dataplane.metrics.MetricsServer;
import dev.mano.dataplane.agent.AgentServer;
import dev.mano.dataplane.agent.DataplaneView;
import dev.mano.dataplane.agent.VnfControl;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.vnf.Vnf;
import dev.mano.dataplane.vnf.VnfCatalog;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's command line. Exit codes: 0 stopped normally, 2 bad command line or configuration,
 * 3 DPDK refused (EAL arguments, hugepages, a port), 4 a worker failed.
 */
public final class Main {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine command;
        RuntimeConfig config;
        Vnf vnf;
        try {
            command = CommandLine.parse(args);
            if (!VnfCatalog.knows(command.vnf())) {
                throw new UsageException("unknown --vnf " + command.vnf() + " (known: " + String.join(", ", VnfCatalog.types()) + ")");
            }
            config = RuntimeConfig.load(command.config(), command.vnf());
            vnf = VnfCatalog.create(command.vnf(), config.vnf());
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("dpdk-vnf-runtime: " + e.getMessage());
            }
            err.print(CommandLine.USAGE);
            return e.getMessage().isEmpty() ? 0 : 2;
        } catch (ConfigException e) {
            err.println("dpdk-vnf-runtime: " + e.getMessage());
            return 2;
        }

        RunningVnf running;
        try {
            Eal eal = Eal.init(command.ealArgs());
            HousekeepingAffinity.confineTo(eal.cpuOf(eal.mainLcore()));
            running = RunningVnf.start(eal, config, vnf);
        } catch (ConfigException e) {
            err.println("dpdk-vnf-runtime: " + e.getMessage());
            return 2;
        } catch (DpdkException e) {
            err.println("dpdk-vnf-runtime: " + e.getMessage());
            return 3;
        }
        out.println("running " + vnf.identity().type() + " " + vnf.identity().version() + " mode=" + vnf.identity().mode()
                + " lcores=" + running.engine().snapshot().lcores().stream().map(LcoreSnapshot::lcore).toList()
                + " ports=" + running.ports());

        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch cleanedUp = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                cleanedUp.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);

        MetricsServer metrics = null;
        AgentServer agent = null;
        int exit = 0;
        try {
            if (command.agent() != null) {
                // the agent runs on ordinary threads, off the lcores; its shutdown message stops the process
                agent = AgentServer.start(command.agent(), new DataplaneView(running, VnfControl.STATELESS));
                out.println("agent on " + command.agent());
                AgentServer served = agent;
                Thread.ofPlatform().daemon().name("agent-stop").start(() -> {
                    try {
                        served.awaitStop();
                        stopRequested.countDown();
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            if (config.metricsPort() > 0) {
                metrics = MetricsServer.start(running, config.metricsPort());
                out.println("metrics on http://127.0.0.1:" + metrics.port() + "/metrics");
            }
            exit = runUntilStopped(command, running, stopRequested, out);
        } catch (IOException e) {
            err.println("dpdk-vnf-runtime: cannot start the agent on " + command.agent() + ": " + e.getMessage());
            exit = 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (agent != null) {
                agent.close();
            }
            running.stop();
            DataplaneSnapshot last = running.snapshot();
            printTotals(last, out);
            if (metrics != null) {
                metrics.close();
            }
            running.close();
            Eal.current().cleanup();
            cleanedUp.countDown();
        }
        return exit;
    }

    private static int runUntilStopped(CommandLine command, RunningVnf running, CountDownLatch stop, PrintStream out)
            throws InterruptedException {
        // All times relative to the start, so that "no deadline" (Long.MAX_VALUE) cannot overflow.
        long started = System.nanoTime();
        long deadline = command.durationSeconds() > 0 ? (long) (command.durationSeconds() * 1e9) : Long.MAX_VALUE;
        long interval = command.statsSeconds() > 0 ? (long) (command.statsSeconds() * 1e9) : Long.MAX_VALUE;
        long failureCheck = 200_000_000L;
        DataplaneSnapshot previous = running.snapshot();
        long nextStats = interval;
        while (true) {
            long elapsed = System.nanoTime() - started;
            long wake = Math.min(Math.min(deadline, nextStats), elapsed + failureCheck);
            if (stop.await(Math.max(0, wake - elapsed), TimeUnit.NANOSECONDS) || System.nanoTime() - started >= deadline) {
                return 0;
            }
            if (running.engine().failure().isPresent()) {
                out.println("worker failed: " + running.engine().failure().get());
                running.engine().failure().get().printStackTrace(out);
                return 4;
            }
            if (System.nanoTime() - started >= nextStats) {
                DataplaneSnapshot current = running.snapshot();
                printRates(previous, current, running.engine().workerThreadIds(), out);
                previous = current;
                nextStats += interval;
            }
        }
    }

    /** One line per port and per lcore with rates over the last interval (bench/dataplane parses these). */
    private static void printRates(DataplaneSnapshot before, DataplaneSnapshot after, List<Long> workerThreads, PrintStream out) {
        double seconds = (after.uptimeNanos() - before.uptimeNanos()) / 1e9;
        Map<String, PortSnapshot> previous = new HashMap<>();
        before.ports().forEach(p -> previous.put(p.name(), p));
        for (PortSnapshot port : after.ports()) {
            PortSnapshot was = previous.get(port.name());
            out.printf(Locale.ROOT, "stats t=%.1f port=%s rx_mpps=%.3f tx_mpps=%.3f missed=%d rx_total=%d%n", after.uptimeNanos() / 1e9,
                    port.name(), (port.stats().rxPackets() - was.stats().rxPackets()) / seconds / 1e6,
                    (port.stats().txPackets() - was.stats().txPackets()) / seconds / 1e6,
                    port.stats().rxMissed() - was.stats().rxMissed(), port.stats().rxPackets());
        }
        List<LcoreSnapshot> lcores = after.lcores();
        for (int i = 0; i < lcores.size(); i++) {
            LcoreSnapshot now = lcores.get(i);
            LcoreSnapshot was = before.lcores().get(i);
            long total = now.totalNanos() - was.totalNanos();
            // The worker thread's own CPU time: on a shared machine, packets per CPU-second of the forwarding
            // core is the figure that does not depend on how much of the core the scheduler gave us.
            long cpuNanos = i < workerThreads.size() ? THREADS.getThreadCpuTime(workerThreads.get(i)) : -1;
            out.printf(Locale.ROOT, "stats t=%.1f lcore=%d rx_mpps=%.3f tx_mpps=%.3f drops=%d busy=%.3f rx_total=%d cpu_ns=%d%n",
                    after.uptimeNanos() / 1e9, now.lcore(), (now.rxPackets() - was.rxPackets()) / seconds / 1e6,
                    (now.txPackets() - was.txPackets()) / seconds / 1e6, now.totalDrops() - was.totalDrops(),
                    total == 0 ? 0.0 : (double) (now.busyNanos() - was.busyNanos()) / total, now.rxPackets(), cpuNanos);
        }
        out.flush();
    }

    private static void printTotals(DataplaneSnapshot last, PrintStream out) {
        for (PortSnapshot port : last.ports()) {
            out.printf(Locale.ROOT, "total port=%s rx=%d tx=%d missed=%d rx_errors=%d tx_errors=%d%n", port.name(),
                    port.stats().rxPackets(), port.stats().txPackets(), port.stats().rxMissed(), port.stats().rxErrors(),
                    port.stats().txErrors());
        }
        for (LcoreSnapshot lcore : last.lcores()) {
            out.printf(Locale.ROOT, "total lcore=%d rx=%d tx=%d drops=%s busy=%.3f%n", lcore.lcore(), lcore.rxPackets(),
                    lcore.txPackets(), lcore.drops(), lcore.busyRatio());
        }
        out.flush();
    }
}
