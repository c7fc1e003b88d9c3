package dev.mano.dataplane.vnf.firewall;

import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.engine.VnfIdentity;
import dev.mano.dataplane.engine.WorkerPlan;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.vnf.Vnf;
import dev.mano.dataplane.vnf.chain.Reloadable;
import dev.mano.dataplane.vnf.chain.TwoPortPlan;

import java.util.List;

/** The stateful firewall as the runtime runs it ({@code --vnf firewall}); {@link #firewall()} is its control API. */
public final class FirewallVnf implements Vnf, Reloadable {
    public static final String VERSION = "0.1.0";
    private final FirewallConfig config;
    private final Firewall firewall;

    public FirewallVnf(FirewallConfig config) {
        this.config = config;
        this.firewall = new Firewall(config);
    }

    public static FirewallVnf fromConfig(ConfigNode section) {
        return new FirewallVnf(FirewallConfig.from(section));
    }

    @Override
    public VnfIdentity identity() {
        return new VnfIdentity("firewall", VERSION, "acl+conntrack");
    }

    @Override
    public List<String> portNames() {
        return config.ports();
    }

    @Override
    public List<WorkerPlan> plan(List<Port> ports, List<Integer> lcores) {
        return TwoPortPlan.plan("firewall", config.ports(), ports, lcores, false, () -> List.<Stage>of(firewall.newStage()));
    }

    public Firewall firewall() {
        return firewall;
    }

    /** Replaces the rules from a re-read {@code firewall} section; tracked connections keep passing. */
    @Override
    public void reload(ConfigNode section) {
        firewall.replaceRules(FirewallConfig.rules(section));
    }
}
