package dev.mano.dataplane.vnf.l2fwd;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.packet.Ethernet;

/** Swaps source and destination MAC of every packet of the burst. */
public final class MacSwapStage implements Stage {
    @Override
    public void process(Burst burst) {
        int n = burst.size();
        for (int i = 0; i < n; i++) {
            Ethernet.swapAddresses(burst.data(i));
        }
    }
}
