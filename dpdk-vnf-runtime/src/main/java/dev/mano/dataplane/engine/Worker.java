package dev.mano.dataplane.engine;

import java.lang.foreign.Arena;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The run-to-completion loop of one lcore: for each of its rx queues, rx burst -> stages -> tx burst ->
 * free what the PMD did not take. Runs on the EAL thread of its lcore (pinned by EAL), entered through
 * an upcall from rte_eal_remote_launch. Nothing in the loop allocates. With an {@link IdleSleep} it
 * sleeps between polls once its queues have been empty for a while.
 */
final class Worker {
    private static final int TIMING_WINDOW = 8;

    private final int lcore;
    private final int cpu;
    private final QueueEndpoint[] rx;
    private final QueueEndpoint[] tx;
    private final Stage[] stages;
    private final Burst burst;
    private final int burstSize;
    private final long idleSleepNanos;
    private final LcoreCounters counters = new LcoreCounters();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile long threadId = -1;
    private volatile Throwable failure;

    Worker(WorkerPlan plan, int cpu, int burstSize, IdleSleep idleSleep, Arena arena) {
        this.lcore = plan.lcore();
        this.cpu = cpu;
        this.rx = plan.tasks().stream().map(ForwardingTask::rx).toArray(QueueEndpoint[]::new);
        this.tx = plan.tasks().stream().map(ForwardingTask::tx).toArray(QueueEndpoint[]::new);
        this.stages = plan.stages().toArray(Stage[]::new);
        this.burstSize = burstSize;
        this.idleSleepNanos = idleSleep.nanos();
        this.burst = new Burst(burstSize, arena);
    }

    /** The loop; returns when {@link #requestStop()} was called. Never throws into native code. */
    int run() {
        threadId = Thread.currentThread().threadId();
        try {
            loop();
            return 0;
        } catch (Throwable t) {
            failure = t;
            return -1;
        } finally {
            done.countDown();
        }
    }

    private void loop() {
        final QueueEndpoint[] rx = this.rx;
        final QueueEndpoint[] tx = this.tx;
        final Stage[] stages = this.stages;
        final Burst burst = this.burst;
        final LcoreCounters counters = this.counters;
        final long pointers = burst.pointers();
        final int burstSize = this.burstSize;
        final long idleSleepNanos = this.idleSleepNanos;
        // Counters are kept in locals and published once per window of 8 iterations, with one clock read
        // (vDSO, ~20 ns): the window's time is split between busy and idle in proportion to its busy
        // iterations. Readers see counters at most 8 iterations (a few microseconds) old.
        long last = System.nanoTime();
        int window = 0;
        int busyInWindow = 0;
        long received = 0;
        long sent = 0;
        int emptyPolls = 0;
        while (running) {
            boolean busy = false;
            for (int t = 0; t < rx.length; t++) {
                QueueEndpoint in = rx[t];
                int n = FastPath.rx(in, pointers, burstSize);
                if (n == 0) {
                    continue;
                }
                busy = true;
                received += n;
                QueueEndpoint out = tx[t];
                burst.begin(n, in.port(), out.port());
                for (Stage stage : stages) {
                    stage.process(burst);
                }
                int remaining = burst.finish(counters);
                int taken = remaining == 0 ? 0 : FastPath.tx(out, pointers, remaining);
                if (taken < remaining) {
                    FastPath.free(pointers + 8L * taken, remaining - taken);
                    counters.addDrop(DropReason.TX_FULL, remaining - taken);
                }
                sent += taken;
            }
            if (busy) {
                busyInWindow++;
                emptyPolls = 0;
            } else if (idleSleepNanos > 0) {
                if (emptyPolls < IdleSleep.AFTER_EMPTY_POLLS) {
                    emptyPolls++;
                } else {
                    // the sleep falls in this window's time and so counts as idle in the busy ratio
                    LockSupport.parkNanos(idleSleepNanos);
                }
            }
            if (++window == TIMING_WINDOW) {
                long now = System.nanoTime();
                counters.publish(received, sent, busyInWindow, TIMING_WINDOW - busyInWindow, now - last,
                        (now - last) * busyInWindow / TIMING_WINDOW);
                received = 0;
                sent = 0;
                last = now;
                window = 0;
                busyInWindow = 0;
            }
        }
        counters.publish(received, sent, busyInWindow, window - busyInWindow, System.nanoTime() - last, 0);
    }

    /** For a worker whose launch failed: there is no loop to wait for. */
    void abandon() {
        done.countDown();
    }

    void requestStop() {
        running = false;
    }

    void awaitDone() throws InterruptedException {
        done.await();
    }

    boolean finished() {
        return done.getCount() == 0;
    }

    int lcore() {
        return lcore;
    }

    int cpu() {
        return cpu;
    }

    LcoreCounters counters() {
        return counters;
    }

    long threadId() {
        return threadId;
    }

    Throwable failure() {
        return failure;
    }

    LcoreSnapshot snapshot() {
        return new LcoreSnapshot(lcore, cpu, counters.rx(), counters.tx(), counters.drops(), counters.busyPolls(),
                counters.idlePolls(), counters.busyNanos(), counters.totalNanos());
    }
}
