package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.engine.Burst;
import dev.mano.dataplane.engine.Stage;
import dev.mano.dataplane.vnf.firewall.Firewall;
import dev.mano.dataplane.vnf.firewall.FirewallConfig;
import dev.mano.dataplane.vnf.firewall.FirewallStage;
import dev.mano.dataplane.vnf.lb.LbConfig;
import dev.mano.dataplane.vnf.lb.LbStage;
import dev.mano.dataplane.vnf.lb.LoadBalancer;
import dev.mano.dataplane.vnf.nat44.Nat44;
import dev.mano.dataplane.vnf.nat44.Nat44Config;
import dev.mano.dataplane.vnf.nat44.Nat44Stage;
import dev.mano.dataplane.vnf.router.Router;
import dev.mano.dataplane.vnf.router.RouterConfig;
import dev.mano.dataplane.vnf.router.RouterStage;
import dev.mano.dataplane.vnf.upf.Upf;
import dev.mano.dataplane.vnf.upf.UpfConfig;
import dev.mano.dataplane.vnf.upf.UpfStage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing of every VNF stage and the chain with malformed frames in guard-paged mbufs: no
 * exception, no access past the frame (it would fault on the guard page), data kept inside the buffer,
 * and every packet a stage drops counted under one of its reasons. Bounded in time for CI:
 * {@code -Dfuzz.seconds=N} per VNF (default 2), {@code -Dfuzz.seed=S} to replay a run.
 */
class FuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final long NANOS = Long.getLong("fuzz.seconds", 2) * 1_000_000_000L;

    record Target(String name, Stage stage, LongSupplier counted) {
    }

    static final String CONFIG = """
            router:
              ports: [a, b]
              neighbours:
                - {name: up, port: b, mac: "02:00:00:00:00:01"}
                - {name: down, port: a, mac: "02:00:00:00:00:02"}
              routes:
                - {destination: 198.18.0.0/15, via: up}
                - {destination: 10.0.0.0/8, via: down}
                - {destination: 203.0.113.0/24, via: down}
                - {destination: 8.0.0.0/8, via: up}
            firewall:
              ports: [a, b]
              max-connections: 64
              rules:
                - {action: allow, source: 10.0.0.0/8}
                - {action: deny, protocol: tcp, destination-ports: "0-1023"}
                - {action: allow, protocol: udp}
            nat44:
              ports: [a, b]
              pool: [203.0.113.1]
              port-range: 1024-1100
              max-mappings: 64
            lb:
              ports: [a, b]
              source-mac: "02:00:00:00:10:01"
              services:
                - {name: web, vip: 10.0.0.100, port: 80, backends: [{name: w1, mac: "02:00:00:00:20:01"}]}
                - {name: dns, vip: 10.0.0.100, port: 53, protocol: udp, backends: [{name: d1, mac: "02:00:00:00:20:02", healthy: false}]}
            upf:
              n3: {port: a, address: 192.0.2.1, next-hop-mac: "02:00:00:00:03:02"}
              n6: {port: b, next-hop-mac: "02:00:00:00:06:02"}
              sessions:
                - {seid: 1, ue: 10.45.0.2, uplink-teid: 0x100, downlink-teid: 0x200, gnb: 192.0.2.10}
            """;

    @Test
    void noCrashNoOutOfBoundsAccessAndEveryDropCounted() {
        System.out.println("FuzzTest seed=" + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
        try (Router router = new Router(RouterConfig.from(TestConfig.section(CONFIG, "router")), TestConfig.PORTS);
             Firewall firewall = new Firewall(FirewallConfig.from(TestConfig.section(CONFIG, "firewall")));
             Nat44 nat = new Nat44(Nat44Config.from(TestConfig.section(CONFIG, "nat44")));
             LoadBalancer lb = new LoadBalancer(LbConfig.from(TestConfig.section(CONFIG, "lb")));
             Upf upf = new Upf(UpfConfig.from(TestConfig.section(CONFIG, "upf")));
             GuardedMbufs mbufs = new GuardedMbufs(32)) {
            RouterStage routerStage = router.newStage();
            FirewallStage firewallStage = firewall.newStage();
            Nat44Stage natStage = nat.newStage(0);
            LbStage lbStage = lb.newStage(0x0110_0000_0002L);
            UpfStage upfStage = upf.newStage(UpfConfig.from(TestConfig.section(CONFIG, "upf")).resolve(TestConfig.PORTS));
            RouterStage chainRouter = router.newStage();
            FirewallStage chainFirewall = firewall.newStage();
            Nat44Config chainNatConfig = Nat44Config.from(TestConfig.section(CONFIG, "nat44"));
            try (Nat44 chainNat = new Nat44(chainNatConfig)) {
                Nat44Stage chainNatStage = chainNat.newStage(0);
                List<Target> targets = List.of(
                        new Target("router", routerStage, () -> routerStage.drops().total()),
                        new Target("firewall", firewallStage, () -> firewallStage.drops().total()),
                        new Target("nat44", natStage, () -> natStage.drops().total()),
                        new Target("lb", lbStage, () -> lbStage.drops().total()),
                        new Target("upf", upfStage, () -> upfStage.drops().total()),
                        new Target("chain", new ChainStage(0, List.of(chainFirewall, chainNatStage, chainRouter)),
                                () -> chainFirewall.drops().total() + chainNatStage.drops().total() + chainRouter.drops().total()));
                MalformedFrames frames = new MalformedFrames(SEED);
                byte[][] burstFrames = new byte[32][];
                for (Target target : targets) {
                    long packets = 0;
                    long dropped = 0;
                    long end = System.nanoTime() + NANOS;
                    while (System.nanoTime() < end) {
                        int n = 1 + (int) (packets % 32);
                        for (int i = 0; i < n; i++) {
                            burstFrames[i] = frames.next();
                        }
                        int rx = (int) (packets / 7 % 2);
                        Burst burst = mbufs.load(rx, 1 - rx, burstFrames, n);
                        long countedBefore = target.counted().getAsLong();
                        target.stage().process(burst);
                        int drops = 0;
                        for (int i = 0; i < n; i++) {
                            if (burst.dropped(i)) {
                                drops++;
                            } else {
                                assertThat(mbufs.withinBuffer(i)).as(target.name() + " packet data left its buffer").isTrue();
                            }
                        }
                        assertThat(target.counted().getAsLong() - countedBefore)
                                .as("%s: drops counted by reason vs packets dropped (seed %d)", target.name(), SEED)
                                .isEqualTo(drops);
                        packets += n;
                        dropped += drops;
                    }
                    System.out.printf("FuzzTest %s: %d packets, %d dropped%n", target.name(), packets, dropped);
                    assertThat(packets).isPositive();
                    assertThat(dropped).as(target.name() + " dropped nothing: the corpus is not reaching it").isPositive();
                    assertThat(dropped).as(target.name() + " dropped everything: no valid frame got through").isLessThan(packets);
                }
            }
        }
    }
}
