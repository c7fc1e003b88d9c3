package dev.mano.dataplane.vnf.l2fwd;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.packet.Ethernet;

/**
 * Sets destination = the next hop's MAC on the out port and source = the out port's MAC, from tables
 * indexed by port id (built once, so the stage reads two longs per packet).
 */
public final class MacRewriteStage implements Stage {
    private final long[] peerMac;
    private final long[] ownMac;

    public MacRewriteStage(long[] peerMacByPort, long[] ownMacByPort) {
        this.peerMac = peerMacByPort.clone();
        this.ownMac = ownMacByPort.clone();
    }

    @Override
    public void process(Burst burst) {
        int out = burst.txPort();
        long destination = peerMac[out];
        long source = ownMac[out];
        int n = burst.size();
        for (int i = 0; i < n; i++) {
            Ethernet.setAddresses(burst.data(i), destination, source);
        }
    }
}
