package dev.mano.dataplane.vnf;

import dev.mano.dataplane.engine.VnfIdentity;
import dev.mano.dataplane.engine.WorkerPlan;
import dev.mano.dataplane.port.Port;

import java.util.List;

/** A network function: given started ports and worker lcores, it says what each lcore runs. */
public interface Vnf {
    VnfIdentity identity();

    /** Port names this VNF forwards between (each must be in the ports section of the config). */
    List<String> portNames();

    /** One plan per lcore that has work; {@code ports} are started, in configuration order. */
    List<WorkerPlan> plan(List<Port> ports, List<Integer> lcores);
}
