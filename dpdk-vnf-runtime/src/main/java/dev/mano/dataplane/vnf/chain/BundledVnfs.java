package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.vnf.Vnf;
import dev.mano.dataplane.vnf.firewall.FirewallVnf;
import dev.mano.dataplane.vnf.lb.LbVnf;
import dev.mano.dataplane.vnf.nat44.Nat44Vnf;
import dev.mano.dataplane.vnf.router.RouterVnf;
import dev.mano.dataplane.vnf.upf.UpfVnf;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The bundled network functions by the name given to {@code --vnf}, each built from its config section:
 * the entries the runtime's VnfCatalog needs to run them ({@code TYPES} can be merged into it as is).
 */
public final class BundledVnfs {
    public static final Map<String, Function<ConfigNode, Vnf>> TYPES = Map.of(
            "router", RouterVnf::fromConfig,
            "firewall", FirewallVnf::fromConfig,
            "nat44", Nat44Vnf::fromConfig,
            "lb", LbVnf::fromConfig,
            "upf", UpfVnf::fromConfig,
            "chain", ChainVnf::fromConfig);

    private BundledVnfs() {
    }

    public static Set<String> types() {
        return new TreeSet<>(TYPES.keySet());
    }

    public static Vnf create(String type, ConfigNode section) {
        Function<ConfigNode, Vnf> factory = TYPES.get(type);
        if (factory == null) {
            throw new ConfigException("unknown VNF type '" + type + "' (bundled: " + String.join(", ", types()) + ")");
        }
        return factory.apply(section);
    }
}
