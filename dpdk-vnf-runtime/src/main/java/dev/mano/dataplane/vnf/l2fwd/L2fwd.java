package dev.mano.dataplane.vnf.l2fwd;

import dev.mano.dataplane.bindings.Dpdk;
import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.engine.ForwardingTask;
import dev.mano.dataplane.engine.QueueEndpoint;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.engine.VnfIdentity;
import dev.mano.dataplane.engine.WorkerPlan;
import dev.mano.dataplane.packet.MacAddress;
import dev.mano.dataplane.port.Port;
import dev.mano.dataplane.vnf.Vnf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Layer-2 forwarding between port pairs: everything received on one port of a pair leaves by the other,
 * queue q to queue q, with the MACs swapped or rewritten, or untouched (patch). The (port, queue) flows are dealt round-robin
 * over the worker lcores, so each tx queue has exactly one writer.
 *
 * <pre>
 * l2fwd:
 *   mode: macswap            # or rewrite, or patch (frames leave as they came: a cross-connect)
 *   pairs: [[net_null0, net_null1]]
 *   peerMacs: {net_null1: "02:00:00:00:00:01"}   # rewrite: next hop per out port (default 02:00:00:00:00:&lt;port id&gt;)
 * </pre>
 */
public final class L2fwd implements Vnf {
    public static final String VERSION = "0.1.0";

    private final L2fwdMode mode;
    private final List<List<String>> pairs;
    private final Map<String, MacAddress> peerMacs;

    public L2fwd(L2fwdMode mode, List<List<String>> pairs, Map<String, MacAddress> peerMacs) {
        this.mode = mode;
        this.pairs = pairs.stream().map(List::copyOf).toList();
        this.peerMacs = Map.copyOf(peerMacs);
    }

    public static L2fwd fromConfig(ConfigNode section) {
        section.onlyKeys(Set.of("mode", "pairs", "peerMacs"));
        String modeText = section.optionalString("mode").orElse("macswap");
        L2fwdMode mode;
        try {
            mode = L2fwdMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw section.error("mode", "expected macswap, rewrite or patch, got '" + modeText + "'");
        }
        List<List<String>> pairs = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<?> items = section.list("pairs");
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof List<?> pair) || pair.size() != 2) {
                throw section.error("pairs[" + i + "]", "expected a pair of port names like [net_null0, net_null1]");
            }
            List<String> names = pair.stream().map(String::valueOf).toList();
            for (String name : names) {
                if (!used.add(name)) {
                    throw section.error("pairs[" + i + "]", "port " + name + " is in more than one pair");
                }
            }
            pairs.add(names);
        }
        if (pairs.isEmpty()) {
            throw section.error("pairs", "at least one pair is required");
        }
        Map<String, MacAddress> peers = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : section.stringMap("peerMacs").entrySet()) {
            try {
                peers.put(entry.getKey(), MacAddress.parse(entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw section.error("peerMacs." + entry.getKey(), e.getMessage());
            }
        }
        return new L2fwd(mode, pairs, peers);
    }

    @Override
    public VnfIdentity identity() {
        return new VnfIdentity("l2fwd", VERSION, mode.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public List<String> portNames() {
        return pairs.stream().flatMap(List::stream).toList();
    }

    @Override
    public List<WorkerPlan> plan(List<Port> ports, List<Integer> lcores) {
        if (lcores.isEmpty()) {
            throw new ConfigException("l2fwd needs at least one worker lcore (EAL -l with two or more cores)");
        }
        Map<String, Port> byName = new LinkedHashMap<>();
        ports.forEach(port -> byName.put(port.name(), port));
        for (String name : peerMacs.keySet()) {
            if (!byName.containsKey(name)) {
                throw new ConfigException("l2fwd.peerMacs: " + name + " is not a configured port");
            }
        }
        List<ForwardingTask> tasks = new ArrayList<>();
        for (List<String> pair : pairs) {
            Port a = port(byName, pair.get(0));
            Port b = port(byName, pair.get(1));
            if (a.queues() != b.queues()) {
                throw new ConfigException("l2fwd pair " + pair + ": both ports need the same number of queues ("
                        + a.queues() + " vs " + b.queues() + ")");
            }
            for (int q = 0; q < a.queues(); q++) {
                tasks.add(new ForwardingTask(QueueEndpoint.rx(a, q), QueueEndpoint.tx(b, q)));
                tasks.add(new ForwardingTask(QueueEndpoint.rx(b, q), QueueEndpoint.tx(a, q)));
            }
        }
        List<List<ForwardingTask>> perLcore = new ArrayList<>();
        lcores.forEach(lcore -> perLcore.add(new ArrayList<>()));
        for (int i = 0; i < tasks.size(); i++) {
            perLcore.get(i % lcores.size()).add(tasks.get(i));
        }
        List<WorkerPlan> plans = new ArrayList<>();
        for (int i = 0; i < lcores.size(); i++) {
            if (!perLcore.get(i).isEmpty()) {
                plans.add(new WorkerPlan(lcores.get(i), perLcore.get(i), stages(ports)));
            }
        }
        return plans;
    }

    private static Port port(Map<String, Port> byName, String name) {
        Port port = byName.get(name);
        if (port == null) {
            throw new ConfigException("l2fwd.pairs: " + name + " is not a configured port (ports: " + byName.keySet() + ")");
        }
        return port;
    }

    /** Patch mode has no stage: the worker hands each rx burst to the other port as it came. */
    private List<Stage> stages(List<Port> ports) {
        return switch (mode) {
            case PATCH -> List.of();
            case MACSWAP -> List.of(new MacSwapStage());
            case REWRITE -> List.of(rewriteStage(ports));
        };
    }

    private MacRewriteStage rewriteStage(List<Port> ports) {
        long[] peer = new long[Dpdk.RTE_MAX_ETHPORTS()];
        long[] own = new long[Dpdk.RTE_MAX_ETHPORTS()];
        for (Port port : ports) {
            MacAddress next = peerMacs.getOrDefault(port.name(), new MacAddress(0x02L | ((long) port.id() << 40)));
            peer[port.id()] = next.bits();
            own[port.id()] = port.mac().bits();
        }
        return new MacRewriteStage(peer, own);
    }
}
