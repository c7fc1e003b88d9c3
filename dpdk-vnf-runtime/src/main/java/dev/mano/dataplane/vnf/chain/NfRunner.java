package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.vnf.VnfCatalog;
import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.eal.DpdkException;
import dev.mano.dataplane.eal.Eal;
import dev.mano.dataplane.eal.HousekeepingAffinity;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.vnf.Vnf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one bundled VNF until SIGTERM: {@code NfRunner <type> <vnf.yaml> <EAL args...>}. What bench/nf
 * starts (it reads rates through DPDK telemetry, as for l3fwd), and what runs these types until they
 * are registered in the runtime CLI's VnfCatalog. Exit codes as the CLI's: 2 config, 3 DPDK, 4 worker.
 */
public final class NfRunner {
    private NfRunner() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: NfRunner <" + String.join("|", VnfCatalog.types()) + "> <vnf.yaml> <EAL arguments>");
            System.exit(2);
        }
        String type = args[0];
        List<String> eal = Arrays.asList(args).subList(2, args.length);
        RunningVnf running;
        try {
            RuntimeConfig config = RuntimeConfig.load(Path.of(args[1]), type);
            Vnf vnf = VnfCatalog.create(type, config.vnf());
            Eal started = Eal.init(eal);
            // As the runtime CLI does: JIT and GC threads stay on the main lcore's CPU, off the forwarding core.
            HousekeepingAffinity.confineTo(started.cpuOf(started.mainLcore()));
            running = RunningVnf.start(started, config, vnf);
        } catch (ConfigException e) {
            System.err.println("NfRunner: " + e.getMessage());
            System.exit(2);
            return;
        } catch (DpdkException e) {
            System.err.println("NfRunner: " + e.getMessage());
            System.exit(3);
            return;
        }
        System.out.println("running " + type + " ports=" + running.ports());
        if (running.vnf() instanceof Reloadable reloadable) {
            new ConfigReloader(Path.of(args[1]), type, reloadable, java.time.Duration.ofSeconds(1));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "stop-on-signal"));
        // -Dnf.stats.ms=N prints the worker counters every N ms (what the inter-process chain test waits on).
        long statsMillis = Long.getLong("nf.stats.ms", 0);
        while (running.running()) {
            Thread.sleep(statsMillis > 0 ? statsMillis : 200);
            if (statsMillis > 0) {
                var lcores = running.snapshot().lcores();
                System.out.println("stats rx=" + lcores.stream().mapToLong(l -> l.rxPackets()).sum()
                        + " tx=" + lcores.stream().mapToLong(l -> l.txPackets()).sum()
                        + " drops=" + lcores.stream().mapToLong(l -> l.totalDrops()).sum());
                System.out.flush();
            }
        }
        running.engine().failure().ifPresent(failure -> {
            System.err.println("NfRunner: worker failed: " + failure);
            failure.printStackTrace();
            Runtime.getRuntime().halt(4);
        });
        stopped.await();
    }
}
