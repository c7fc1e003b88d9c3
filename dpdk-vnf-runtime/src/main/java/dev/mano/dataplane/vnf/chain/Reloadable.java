package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.config.ConfigNode;

/**
 * A VNF whose tables can be replaced from a re-read config section while it forwards (routes, rules,
 * backends, sessions). Ports and table sizes are fixed at start; changing them needs a restart.
 */
public interface Reloadable {
    /** Applies the section's run-time part; throws ConfigException (and changes nothing) when it is invalid. */
    void reload(ConfigNode section);
}
