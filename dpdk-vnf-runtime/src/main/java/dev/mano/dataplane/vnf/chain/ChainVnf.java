package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.engine.VnfIdentity;
import dev.mano.dataplane.engine.WorkerPlan;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.vnf.Vnf;
import dev.mano.dataplane.vnf.firewall.Firewall;
import dev.mano.dataplane.vnf.firewall.FirewallConfig;
import dev.mano.dataplane.vnf.lb.LbConfig;
import dev.mano.dataplane.vnf.lb.LoadBalancer;
import dev.mano.dataplane.vnf.nat44.Nat44;
import dev.mano.dataplane.vnf.nat44.Nat44Config;
import dev.mano.dataplane.vnf.router.Router;
import dev.mano.dataplane.vnf.router.RouterConfig;
import dev.mano.dataplane.vnf.router.RouterVnf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VNFs chained inside one process ({@code --vnf chain}): each is a stage of the same worker over the
 * same burst, so a hop costs no copy, no ring and no NIC. Each VNF keeps its own section and control API.
 * <pre>
 * chain:
 *   ports: [inside, outside]
 *   order: [firewall, nat44, router]   # inside -> outside; replies take the reverse order
 *   firewall: {rules: [...]}           # each section as for the VNF alone, "ports" taken from the chain
 *   nat44: {pool: [...]}
 *   router: {neighbours: [...], routes: [...]}
 * </pre>
 * Chaining between processes needs no code: give the two ports of the hop a net_ring or net_memif
 * devargs in each process's ports section (see the README).
 */
public final class ChainVnf implements Vnf, Reloadable {
    public static final String VERSION = "0.1.0";
    private static final Set<String> TYPES = Set.of("firewall", "nat44", "router", "lb");

    private final List<String> ports;
    private final List<String> order;
    private final Firewall firewall;
    private final Nat44 nat;
    private final RouterVnf router;
    private final LoadBalancer balancer;
    private final LbConfig lbConfig;

    private ChainVnf(List<String> ports, List<String> order, Firewall firewall, Nat44 nat, RouterVnf router,
                     LoadBalancer balancer, LbConfig lbConfig) {
        this.ports = ports;
        this.order = order;
        this.firewall = firewall;
        this.nat = nat;
        this.router = router;
        this.balancer = balancer;
        this.lbConfig = lbConfig;
    }

    public static ChainVnf fromConfig(ConfigNode chain) {
        Set<String> allowed = new HashSet<>(TYPES);
        allowed.add("ports");
        allowed.add("order");
        chain.onlyKeys(allowed);
        List<String> ports = RouterConfig.portPair(chain, null);
        List<String> order = chain.list("order").stream().map(String::valueOf).toList();
        if (order.isEmpty() || new HashSet<>(order).size() != order.size()) {
            throw chain.error("order", "expected distinct VNF types from " + TYPES);
        }
        for (String type : order) {
            if (!TYPES.contains(type)) {
                throw chain.error("order", "unknown stage '" + type + "' (known: " + TYPES + ")");
            }
            if (!chain.has(type)) {
                throw chain.error(type, "is required: the chain runs " + type);
            }
        }
        Firewall firewall = order.contains("firewall") ? new Firewall(FirewallConfig.from(chain.node("firewall"), ports)) : null;
        Nat44 nat = order.contains("nat44") ? new Nat44(Nat44Config.from(chain.node("nat44"), ports)) : null;
        RouterVnf router = order.contains("router") ? new RouterVnf(RouterConfig.from(chain.node("router"), ports)) : null;
        LbConfig lb = order.contains("lb") ? LbConfig.from(chain.node("lb"), ports) : null;
        return new ChainVnf(ports, order, firewall, nat, router, lb == null ? null : new LoadBalancer(lb), lb);
    }

    @Override
    public VnfIdentity identity() {
        return new VnfIdentity("chain", VERSION, String.join("-", order));
    }

    @Override
    public List<String> portNames() {
        return ports;
    }

    @Override
    public List<WorkerPlan> plan(List<Port> started, List<Integer> lcores) {
        Map<String, PortRef> refs = PortRef.of(started);
        PortRef first = refs.get(ports.get(0));
        PortRef second = refs.get(ports.get(1));
        if (first == null || second == null) {
            throw new ConfigException("chain.ports: " + ports + " must be configured ports (have " + refs.keySet() + ")");
        }
        Router built = router == null ? null : router.build(refs);
        long lbMac = lbConfig == null ? 0 : lbConfig.sourceMac() != null ? lbConfig.sourceMac().bits() : second.mac().bits();
        return TwoPortPlan.plan("chain", ports, started, lcores, nat != null, () -> {
            List<Stage> stages = new ArrayList<>();
            for (String type : order) {
                stages.add(switch (type) {
                    case "firewall" -> firewall.newStage();
                    case "nat44" -> nat.newStage(first.id());
                    case "router" -> built.newStage();
                    case "lb" -> balancer.newStage(lbMac);
                    default -> throw new IllegalStateException(type);
                });
            }
            return List.of(new ChainStage(first.id(), stages));
        });
    }

    public Firewall firewall() {
        return firewall;
    }

    public Nat44 nat() {
        return nat;
    }

    public Router router() {
        return router == null ? null : router.router();
    }

    public LoadBalancer balancer() {
        return balancer;
    }

    /** Reloads each chained VNF's run-time tables from its subsection, as the VNF alone would. */
    @Override
    public void reload(ConfigNode chain) {
        if (firewall != null) {
            firewall.replaceRules(FirewallConfig.rules(chain.node("firewall")));
        }
        if (nat != null) {
            Nat44Config.from(chain.node("nat44"), ports).staticMappings().forEach(nat::addStatic);
        }
        if (router != null) {
            router.reload(chain.node("router"));
        }
        if (balancer != null) {
            balancer.replaceServices(LbConfig.services(chain.node("lb")));
        }
    }
}
