package dev.mano.dataplane.engine;

import dev.mano.dataplane.config.RuntimeConfig;
import dev.mano.dataplane.runtime.RunningVnf;
import dev.mano.dataplane.testing.Await;
import dev.mano.dataplane.testing.Frames;
import dev.mano.dataplane.testing.Pcap;
import dev.mano.dataplane.testing.TestEal;
import dev.mano.dataplane.vnf.l2fwd.L2fwd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * idleSleepUs: a worker whose queues went quiet sleeps between polls (a few hundred polls a second
 * instead of millions, and little CPU), and still forwards everything; without it the worker polls on.
 * The pcap ports go quiet once their input file is read.
 */
class IdleSleepTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    record Quiet(long polls, long cpuNanos, long wallNanos) {
    }

    @Test
    void aQuietWorkerSleepsBetweenPollsAndStillForwardsEverything() throws Exception {
        Quiet sleeping = forwardThenWatchQuietWorkers("is", 1000);
        // 1 ms sleeps: at most ~1000 polls per worker per second (fewer with the timer slack)
        assertThat(sleeping.polls()).as("polls of 2 sleeping workers in %d ms", sleeping.wallNanos() / 1_000_000)
                .isLessThan(2 * sleeping.wallNanos() / 1_000_000 + 500);
        assertThat(sleeping.cpuNanos()).as("CPU time of 2 sleeping workers in %d ms", sleeping.wallNanos() / 1_000_000)
                .isLessThan(sleeping.wallNanos() / 5);
    }

    @Test
    void withoutItAQuietWorkerKeepsPolling() throws Exception {
        Quiet polling = forwardThenWatchQuietWorkers("ip", 0);
        assertThat(polling.polls()).as("polls of 2 polling workers in %d ms", polling.wallNanos() / 1_000_000)
                .isGreaterThan(100 * polling.wallNanos() / 1_000_000);
    }

    /** l2fwd patch between two pcap ports: all input forwarded, then the workers' polls and CPU over 500 ms of quiet. */
    private Quiet forwardThenWatchQuietWorkers(String tag, int idleSleepUs) throws Exception {
        List<byte[]> inA = Frames.mix(64, 11);
        List<byte[]> inB = Frames.mix(32, 12);
        Path pcapA = dir.resolve("in-a.pcap");
        Path pcapB = dir.resolve("in-b.pcap");
        Pcap.write(pcapA, Pcap.MAGIC_MICROS, inA);
        Pcap.write(pcapB, Pcap.MAGIC_MICROS, inB);
        String a = "net_pcap_" + tag + "a";
        String b = "net_pcap_" + tag + "b";
        RuntimeConfig config = RuntimeConfig.parse("idle.yaml", """
                ports:
                  - {name: %1$s, devargs: "%1$s,rx_pcap=%3$s,tx_pcap=%4$s", queues: 1}
                  - {name: %2$s, devargs: "%2$s,rx_pcap=%5$s,tx_pcap=%6$s", queues: 1}
                idleSleepUs: %7$d
                l2fwd:
                  mode: patch
                  pairs: [[%1$s, %2$s]]
                """.formatted(a, b, pcapA, dir.resolve("out-a.pcap"), pcapB, dir.resolve("out-b.pcap"), idleSleepUs), "l2fwd");
        assertThat(config.idleSleepMicros()).isEqualTo(idleSleepUs);
        int expected = inA.size() + inB.size();
        try (RunningVnf vnf = RunningVnf.start(TestEal.get(), config, L2fwd.fromConfig(config.vnf()))) {
            Engine engine = vnf.engine();
            Await.until(expected + " packets forwarded", Duration.ofSeconds(20),
                    () -> engine.snapshot().lcores().stream().mapToLong(LcoreSnapshot::txPackets).sum() >= expected);
            Thread.sleep(100);
            List<Long> threads = engine.workerThreadIds();
            long polls0 = polls(engine);
            long cpu0 = cpu(threads);
            long wall0 = System.nanoTime();
            Thread.sleep(500);
            long polls = polls(engine) - polls0;
            long cpuNanos = cpu(threads) - cpu0;
            long wall = System.nanoTime() - wall0;
            assertThat(engine.failure()).isEmpty();
            DataplaneSnapshot last = engine.snapshot();
            assertThat(last.lcores().stream().mapToLong(LcoreSnapshot::txPackets).sum()).isEqualTo(expected);
            assertThat(last.lcores().stream().mapToLong(LcoreSnapshot::totalDrops).sum()).isZero();
            System.out.printf("idle-sleep %d us: %d polls, %.1f ms CPU of 2 workers in %.1f ms%n", idleSleepUs, polls,
                    cpuNanos / 1e6, wall / 1e6);
            return new Quiet(polls, cpuNanos, wall);
        }
    }

    private static long polls(Engine engine) {
        return engine.snapshot().lcores().stream().mapToLong(l -> l.busyPolls() + l.idlePolls()).sum();
    }

    private static long cpu(List<Long> threads) {
        return threads.stream().mapToLong(THREADS::getThreadCpuTime).sum();
    }
}
