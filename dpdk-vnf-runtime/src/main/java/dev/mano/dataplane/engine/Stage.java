package dev.mano.dataplane.engine;

/**
 * One processing step over a whole burst (vector processing, as in VPP): a stage loops over the
 * packets of the burst, reads and writes headers in place, and marks packets to drop with
 * {@link Burst#drop}. A stage instance belongs to one lcore, so it may keep state without locks; it
 * must not allocate per packet.
 */
@FunctionalInterface
public interface Stage {
    void process(Burst burst);
}
