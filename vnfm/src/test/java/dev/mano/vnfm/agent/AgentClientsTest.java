package dev.mano.vnfm.agent;

import dev.mano.agent.protocol.Hello;
import dev.mano.vnfm.VnfcRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// a separate thread, so a test stuck in a blocking socket read still fails instead of hanging the build
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AgentClientsTest {

    private static final VnfcRef VNFC = new VnfcRef("vnf-1", "vnfc-0");

    @Test
    void everyListenerHearsEveryConnectionEvenWhenOneFails() throws Exception {
        RecordingListener healthy = new RecordingListener();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("broken", new AgentListener() {
            @Override
            public void onHello(VnfcRef vnfc, Hello hello, Instant at) {
                throw new IllegalStateException("bug in one listener");
            }
        });
        beans.addBean("healthy", healthy);
        beans.addBean("clock", Clock.systemUTC());
        AgentClients clients = new AgentClients(beans.getBeanProvider(AgentListener.class), beans.getBeanProvider(Clock.class));
        try (AgentPeer peer = AgentPeer.tcp()) {
            AgentConnection first = clients.connect(VNFC, peer.address());
            peer.accept();
            Hello hello = new Hello("router", "1", List.of(1), List.of("p0"));
            peer.send(hello);
            assertEquals(hello, healthy.next(Hello.class));
            assertEquals(List.of(first), clients.all());
            // re-pointing a VNFC closes its old connection
            AgentConnection second = clients.connect(VNFC, peer.address());
            peer.accept();
            assertEquals(List.of(second), clients.all());
            clients.disconnect(VNFC);
            assertTrue(clients.get(VNFC).isEmpty());
            assertFalse(second.connected());
        } finally {
            clients.closeAll();
        }
    }
}
