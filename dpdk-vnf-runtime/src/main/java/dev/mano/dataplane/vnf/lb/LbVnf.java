package dev.mano.dataplane.vnf.lb;

import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.engine.VnfIdentity;
import dev.mano.dataplane.engine.WorkerPlan;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.vnf.Vnf;
import dev.mano.dataplane.vnf.chain.Reloadable;
import dev.mano.dataplane.vnf.chain.TwoPortPlan;

import java.util.List;

/** The Maglev load balancer as the runtime runs it ({@code --vnf lb}); {@link #balancer()} is its control API. */
public final class LbVnf implements Vnf, Reloadable {
    public static final String VERSION = "0.1.0";
    private final LbConfig config;
    private final LoadBalancer balancer;

    public LbVnf(LbConfig config) {
        this.config = config;
        this.balancer = new LoadBalancer(config);
    }

    public static LbVnf fromConfig(ConfigNode section) {
        return new LbVnf(LbConfig.from(section));
    }

    @Override
    public VnfIdentity identity() {
        return new VnfIdentity("lb", VERSION, "maglev-dsr");
    }

    @Override
    public List<String> portNames() {
        return config.ports();
    }

    @Override
    public List<WorkerPlan> plan(List<Port> ports, List<Integer> lcores) {
        long mac = config.sourceMac() != null ? config.sourceMac().bits()
                : ports.stream().filter(p -> p.name().equals(config.ports().get(1))).findFirst()
                        .map(p -> p.mac().bits()).orElse(0L);
        return TwoPortPlan.plan("lb", config.ports(), ports, lcores, false, () -> List.<Stage>of(balancer.newStage(mac)));
    }

    public LoadBalancer balancer() {
        return balancer;
    }

    /** Replaces services and backends (with their health) from a re-read {@code lb} section. */
    @Override
    public void reload(ConfigNode section) {
        balancer.replaceServices(LbConfig.services(section));
    }
}
