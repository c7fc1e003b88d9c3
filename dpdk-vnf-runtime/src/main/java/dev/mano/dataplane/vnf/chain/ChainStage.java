package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.engine.Stage;

import java.util.List;

/**
 * Several VNFs as one stage over the same burst, in place (zero copy): packets entering by the chain's
 * first port go through the stages in order, packets entering by the other port in reverse order, as
 * they would through separate boxes wired in a line (firewall -> nat44 -> router outbound, router ->
 * nat44 -> firewall for the replies). Each stage skips what an earlier one dropped.
 */
public final class ChainStage implements Stage {
    private final int forwardPort;
    private final Stage[] stages;

    public ChainStage(int forwardPort, List<Stage> stages) {
        this.forwardPort = forwardPort;
        this.stages = stages.toArray(Stage[]::new);
    }

    @Override
    public void process(Burst burst) {
        if (burst.rxPort() == forwardPort) {
            for (Stage stage : stages) {
                stage.process(burst);
            }
        } else {
            for (int i = stages.length - 1; i >= 0; i--) {
                stages[i].process(burst);
            }
        }
    }
}
