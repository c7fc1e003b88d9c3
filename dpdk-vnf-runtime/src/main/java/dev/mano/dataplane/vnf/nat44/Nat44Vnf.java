package dev.mano.dataplane.vnf.nat44;

import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.engine.VnfIdentity;
import dev.mano.dataplane.engine.WorkerPlan;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.vnf.Vnf;
import dev.mano.dataplane.vnf.chain.Reloadable;
import dev.mano.dataplane.vnf.chain.TwoPortPlan;

import java.util.List;

/** NAT44 as the runtime runs it ({@code --vnf nat44}), on one worker; {@link #nat()} is its control API. */
public final class Nat44Vnf implements Vnf, Reloadable {
    public static final String VERSION = "0.1.0";
    private final Nat44Config config;
    private final Nat44 nat;

    public Nat44Vnf(Nat44Config config) {
        this.config = config;
        this.nat = new Nat44(config);
    }

    public static Nat44Vnf fromConfig(ConfigNode section) {
        return new Nat44Vnf(Nat44Config.from(section));
    }

    @Override
    public VnfIdentity identity() {
        return new VnfIdentity("nat44", VERSION, "eim-napt");
    }

    @Override
    public List<String> portNames() {
        return config.ports();
    }

    @Override
    public List<WorkerPlan> plan(List<Port> ports, List<Integer> lcores) {
        int inside = insidePortId(config.ports(), ports);
        return TwoPortPlan.plan("nat44", config.ports(), ports, lcores, true, () -> List.<Stage>of(nat.newStage(inside)));
    }

    static int insidePortId(List<String> pair, List<Port> ports) {
        return ports.stream().filter(p -> p.name().equals(pair.get(0))).findFirst()
                .orElseThrow(() -> new dev.mano.dataplane.config.ConfigException("nat44.ports: " + pair.get(0)
                        + " is not a configured port")).id();
    }

    public Nat44 nat() {
        return nat;
    }

    /**
     * Adds the static mappings of a re-read {@code nat44} section that are not installed yet. Removing a
     * static mapping or changing the pool needs a restart: live dynamic mappings hold ports of the pool.
     */
    @Override
    public void reload(ConfigNode section) {
        Nat44Config.from(section, config.ports()).staticMappings().forEach(nat::addStatic);
    }
}
