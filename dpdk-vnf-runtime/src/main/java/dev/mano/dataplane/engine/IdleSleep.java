package dev.mano.dataplane.engine;

/**
 * The back-off of a worker that shares its CPU: once {@link #AFTER_EMPTY_POLLS} polls in a row found no
 * packet on any of its queues, it sleeps {@code nanos} before each further poll, until a poll finds
 * packets again. A dedicated PMD core never wants this (it is what makes poll mode fast); the chain
 * switch on a host's housekeeping CPU, or any runtime on a machine with fewer cores than pollers, does:
 * an idle poller there takes the CPU from the processes whose packets it is waiting for.
 *
 * <p>Linux rounds a sleep up to the thread's timer slack (50 µs by default), so anything shorter costs
 * about that much latency on the first packet after an idle spell, and a few polls per millisecond
 * while idle.
 *
 * @param nanos 0 = never sleep (pure polling)
 */
public record IdleSleep(long nanos) {
    /**
     * Tens of microseconds of empty polls (an empty poll of two pcap queues took ~40 ns here): bursts that
     * arrive close together never see a sleep, a link that went quiet is given up on quickly.
     */
    public static final int AFTER_EMPTY_POLLS = 1024;

    public static final IdleSleep NONE = new IdleSleep(0);

    public IdleSleep {
        if (nanos < 0) {
            throw new IllegalArgumentException("idle sleep must be >= 0 ns, got " + nanos);
        }
    }

    public static IdleSleep ofMicros(long micros) {
        return micros == 0 ? NONE : new IdleSleep(micros * 1000);
    }

    public boolean enabled() {
        return nanos > 0;
    }
}
