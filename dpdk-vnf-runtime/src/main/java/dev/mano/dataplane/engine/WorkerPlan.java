package dev.mano.dataplane.engine;

import java.util.List;

/** What one lcore runs: its queues and its chain of stages (instances of its own). */
public record WorkerPlan(int lcore, List<ForwardingTask> tasks, List<Stage> stages) {
    public WorkerPlan {
        tasks = List.copyOf(tasks);
        stages = List.copyOf(stages);
    }
}
