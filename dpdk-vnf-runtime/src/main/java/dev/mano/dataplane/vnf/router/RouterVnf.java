package dev.mano.dataplane.vnf.router;

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

/** The router as the runtime runs it ({@code --vnf router}); {@link #router()} is the run-time control API. */
public final class RouterVnf implements Vnf, Reloadable {
    public static final String VERSION = "0.1.0";
    private final RouterConfig config;
    private volatile Router router;

    public RouterVnf(RouterConfig config) {
        this.config = config;
    }

    public static RouterVnf fromConfig(ConfigNode section) {
        return new RouterVnf(RouterConfig.from(section));
    }

    @Override
    public VnfIdentity identity() {
        return new VnfIdentity("router", VERSION, "dir-24-8");
    }

    @Override
    public List<String> portNames() {
        return config.ports();
    }

    @Override
    public List<WorkerPlan> plan(List<Port> ports, List<Integer> lcores) {
        Router built = build(PortRef.of(ports));
        return TwoPortPlan.plan("router", config.ports(), ports, lcores, false, () -> List.<Stage>of(built.newStage()));
    }

    /** Builds the control side over these ports (also what a chain uses for its router stage). */
    public Router build(java.util.Map<String, PortRef> ports) {
        try {
            router = new Router(config, ports);
        } catch (IllegalArgumentException e) {
            throw new dev.mano.dataplane.config.ConfigException("router: " + e.getMessage());
        }
        return router;
    }

    /** The running router's control API; null until the runtime planned the workers. */
    public Router router() {
        return router;
    }

    /** Replaces routes and neighbours from a re-read {@code router} section (ports stay). */
    @Override
    public void reload(ConfigNode section) {
        RouterConfig next = RouterConfig.from(section, config.ports());
        Router running = router;
        if (running == null) {
            throw new dev.mano.dataplane.config.ConfigException("router: not running yet");
        }
        try {
            running.replace(next.routes(), next.neighbours());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new dev.mano.dataplane.config.ConfigException("router: " + e.getMessage());
        }
    }
}
