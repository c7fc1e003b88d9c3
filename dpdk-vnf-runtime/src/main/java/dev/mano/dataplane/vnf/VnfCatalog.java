package dev.mano.dataplane.vnf;

import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.vnf.chain.ChainVnf;
import dev.mano.dataplane.vnf.firewall.FirewallVnf;
import dev.mano.dataplane.vnf.l2fwd.L2fwd;
import dev.mano.dataplane.vnf.lb.LbVnf;
import dev.mano.dataplane.vnf.nat44.Nat44Vnf;
import dev.mano.dataplane.vnf.router.RouterVnf;
import dev.mano.dataplane.vnf.upf.UpfVnf;

import java.util.Map;
import java.util.function.Function;

/** The VNF types this runtime can run, by the name given to --vnf. */
public final class VnfCatalog {
    private static final Map<String, Function<ConfigNode, Vnf>> TYPES = Map.of(
            "l2fwd", L2fwd::fromConfig,
            "router", RouterVnf::fromConfig,
            "firewall", FirewallVnf::fromConfig,
            "nat44", Nat44Vnf::fromConfig,
            "lb", LbVnf::fromConfig,
            "upf", UpfVnf::fromConfig,
            "chain", ChainVnf::fromConfig);

    private VnfCatalog() {
    }

    public static boolean knows(String type) {
        return TYPES.containsKey(type);
    }

    public static java.util.Set<String> types() {
        return new java.util.TreeSet<>(TYPES.keySet());
    }

    public static Vnf create(String type, ConfigNode section) {
        Function<ConfigNode, Vnf> factory = TYPES.get(type);
        if (factory == null) {
            throw new ConfigException("unknown VNF type '" + type + "' (known: " + String.join(", ", types()) + ")");
        }
        return factory.apply(section);
    }
}
