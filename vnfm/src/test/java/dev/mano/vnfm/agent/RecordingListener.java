package dev.mano.vnfm.agent;

import dev.mano.agent.protocol.Heartbeat;
import dev.mano.agent.protocol.Hello;
import dev.mano.vnfm.VnfcRef;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a connection delivers, for tests to wait on. */
final class RecordingListener implements AgentListener {

    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @Override
    public void onHello(VnfcRef vnfc, Hello hello, Instant at) {
        events.add(hello);
    }

    @Override
    public void onHeartbeat(VnfcRef vnfc, Heartbeat heartbeat, Instant at) {
        events.add(heartbeat);
    }

    @Override
    public void onLinkDown(VnfcRef vnfc, String reason) {
        events.add("down: " + reason);
    }

    Object next() throws InterruptedException {
        Object e = events.poll(10, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no event within 10 s");
        }
        return e;
    }

    <T> T next(Class<T> type) throws InterruptedException {
        while (true) {
            Object e = next();
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
    }
}
