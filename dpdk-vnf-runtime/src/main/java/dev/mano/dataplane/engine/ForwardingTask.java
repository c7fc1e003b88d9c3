package dev.mano.dataplane.engine;

/** One rx queue a worker polls and the tx queue its packets leave by (the queue is owned by that worker). */
public record ForwardingTask(QueueEndpoint rx, QueueEndpoint tx) {
}
