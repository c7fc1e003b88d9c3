package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.engine.ForwardingTask;
import dev.mano.dataplane.engine.QueueEndpoint;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.engine.WorkerPlan;
import dev.mano.dataplane.port.Port;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How the bundled VNFs use lcores: a bump in the wire between two ports, everything received on one
 * leaving by the other, queue q to queue q. Queue q of both ports goes to the same lcore (round-robin
 * over queues), so that with symmetric RSS both directions of a flow meet the same per-worker state
 * (connection table); each lcore gets fresh stage instances. All queues go to the first lcore when the
 * VNF's state cannot be split at all (NAT44's port pool).
 */
public final class TwoPortPlan {
    private TwoPortPlan() {
    }

    public static List<WorkerPlan> plan(String vnf, List<String> pair, List<Port> ports, List<Integer> lcores,
                                        boolean singleWorker, Supplier<List<Stage>> stages) {
        if (lcores.isEmpty()) {
            throw new ConfigException(vnf + " needs at least one worker lcore (EAL -l with two or more cores)");
        }
        Port a = find(vnf, ports, pair.get(0));
        Port b = find(vnf, ports, pair.get(1));
        if (a.queues() != b.queues()) {
            throw new ConfigException(vnf + " ports " + pair + " need the same number of queues (" + a.queues()
                    + " vs " + b.queues() + ")");
        }
        int workers = singleWorker ? 1 : Math.min(lcores.size(), a.queues());
        List<List<ForwardingTask>> perLcore = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            perLcore.add(new ArrayList<>());
        }
        for (int q = 0; q < a.queues(); q++) {
            List<ForwardingTask> tasks = perLcore.get(q % workers);
            tasks.add(new ForwardingTask(QueueEndpoint.rx(a, q), QueueEndpoint.tx(b, q)));
            tasks.add(new ForwardingTask(QueueEndpoint.rx(b, q), QueueEndpoint.tx(a, q)));
        }
        List<WorkerPlan> plans = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            plans.add(new WorkerPlan(lcores.get(i), perLcore.get(i), stages.get()));
        }
        return plans;
    }

    private static Port find(String vnf, List<Port> ports, String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new ConfigException(
                vnf + ".ports: " + name + " is not a configured port (ports: " + ports.stream().map(Port::name).toList() + ")"));
    }
}
