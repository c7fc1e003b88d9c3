package dev.mano.dataplane.vnf.upf;

import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.engine.VnfIdentity;
import dev.mano.dataplane.engine.WorkerPlan;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.vnf.Vnf;
import dev.mano.dataplane.vnf.chain.Reloadable;
import dev.mano.dataplane.vnf.chain.PortRef;
import dev.mano.dataplane.vnf.chain.TwoPortPlan;

import java.util.List;

/** The 5G UPF user plane as the runtime runs it ({@code --vnf upf}) between N3 and N6; {@link #upf()} installs sessions. */
public final class UpfVnf implements Vnf, Reloadable {
    public static final String VERSION = "0.1.0";
    private final UpfConfig config;
    private final Upf upf;

    public UpfVnf(UpfConfig config) {
        this.config = config;
        this.upf = new Upf(config);
    }

    public static UpfVnf fromConfig(ConfigNode section) {
        return new UpfVnf(UpfConfig.from(section));
    }

    @Override
    public VnfIdentity identity() {
        return new VnfIdentity("upf", VERSION, "gtpu-n3-n6");
    }

    @Override
    public List<String> portNames() {
        return config.ports();
    }

    @Override
    public List<WorkerPlan> plan(List<Port> ports, List<Integer> lcores) {
        UpfConfig resolved = config.resolve(PortRef.of(ports));
        return TwoPortPlan.plan("upf", config.ports(), ports, lcores, false, () -> List.<Stage>of(upf.newStage(resolved)));
    }

    public Upf upf() {
        return upf;
    }

    /** Replaces the sessions from a re-read {@code upf} section; sessions kept by SEID keep their counters. */
    @Override
    public void reload(ConfigNode section) {
        try {
            upf.replaceSessions(UpfConfig.sessions(section));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new dev.mano.dataplane.config.ConfigException("upf: " + e.getMessage());
        }
    }
}
