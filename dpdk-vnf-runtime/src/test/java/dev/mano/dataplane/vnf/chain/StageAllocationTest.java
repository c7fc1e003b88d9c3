package dev.mano.dataplane.vnf.chain;

import com.sun.management.ThreadMXBean;
import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.vnf.firewall.Firewall;
import dev.mano.dataplane.vnf.firewall.FirewallConfig;
import dev.mano.dataplane.vnf.lb.LbConfig;
import dev.mano.dataplane.vnf.lb.LoadBalancer;
import dev.mano.dataplane.vnf.nat44.Nat44;
import dev.mano.dataplane.vnf.nat44.Nat44Config;
import dev.mano.dataplane.vnf.router.Router;
import dev.mano.dataplane.vnf.router.RouterConfig;
import dev.mano.dataplane.vnf.upf.Upf;
import dev.mano.dataplane.vnf.upf.UpfConfig;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steady state allocates nothing on the Java heap per packet: every stage (and the chain) runs a
 * burst of mixed traffic over and over; once the JIT has compiled it, the thread's allocated bytes
 * must not grow. (The engine's own loop is checked by the runtime's ZeroAllocationTest.)
 */
class StageAllocationTest {

    @Test
    void stagesAllocateNothingOncecompiled() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Router router = new Router(RouterConfig.from(TestConfig.section(FuzzTest.CONFIG, "router")), TestConfig.PORTS);
             Firewall firewall = new Firewall(FirewallConfig.from(TestConfig.section(FuzzTest.CONFIG, "firewall")));
             Nat44 nat = new Nat44(Nat44Config.from(TestConfig.section(FuzzTest.CONFIG, "nat44")));
             LoadBalancer lb = new LoadBalancer(LbConfig.from(TestConfig.section(FuzzTest.CONFIG, "lb")));
             Upf upf = new Upf(UpfConfig.from(TestConfig.section(FuzzTest.CONFIG, "upf")));
             Firewall chainFirewall = new Firewall(FirewallConfig.from(TestConfig.section(FuzzTest.CONFIG, "firewall")));
             Nat44 chainNat = new Nat44(Nat44Config.from(TestConfig.section(FuzzTest.CONFIG, "nat44")));
             TestMbufs mbufs = new TestMbufs(32)) {
            Map<String, Stage> stages = new LinkedHashMap<>();
            stages.put("router", router.newStage());
            stages.put("firewall", firewall.newStage());
            stages.put("nat44", nat.newStage(0));
            stages.put("lb", lb.newStage(2));
            stages.put("upf", upf.newStage(UpfConfig.from(TestConfig.section(FuzzTest.CONFIG, "upf")).resolve(TestConfig.PORTS)));
            stages.put("chain", new ChainStage(0, List.of(chainFirewall.newStage(), chainNat.newStage(0), router.newStage())));
            byte[][] frames = new byte[32][];
            MalformedFrames corpus = new MalformedFrames(1);
            for (int i = 0; i < 32; i++) {
                frames[i] = i % 2 == 0 ? Packets.udpFrame("10.0.0." + i, "198.18.1." + i, 5000 + i, 53, 64, 10) : corpus.next();
            }
            for (Map.Entry<String, Stage> entry : stages.entrySet()) {
                Stage stage = entry.getValue();
                long allocated = 0;
                for (int round = 0; round < 40; round++) {
                    Burst burst = mbufs.load(round % 2, 1 - round % 2, frames);
                    long before = threads.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < 2000; i++) {
                        burst.begin(32, round % 2, 1 - round % 2);
                        stage.process(burst);
                    }
                    allocated = threads.getCurrentThreadAllocatedBytes() - before;
                    if (round > 20 && allocated == 0) {
                        break;
                    }
                }
                assertThat(allocated).as(entry.getKey() + ": bytes allocated by 2000 bursts after warm-up").isZero();
            }
        }
    }
}
