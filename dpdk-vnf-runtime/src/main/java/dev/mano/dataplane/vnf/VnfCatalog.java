package dev.mano.dataplane.vnf;

import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.vnf.l2fwd.L2fwd;

import java.util.Map;
import java.util.function.Function;

/** The VNF types this runtime can run, by the name given to --vnf. */
public final class VnfCatalog {
    private static final Map<String, Function<ConfigNode, Vnf>> TYPES = Map.of("l2fwd", L2fwd::fromConfig);

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
