package dev.mano.dataplane.vnf.router;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Dir24_8TableTest {

    /** The obvious longest-prefix match: scan every route. */
    private static int reference(List<Route> routes, int address) {
        int best = -1;
        int bestDepth = -1;
        for (Route r : routes) {
            if ((address & Ipv4Address.mask(r.depth())) == r.prefix() && r.depth() >= bestDepth) {
                best = r.nextHop();
                bestDepth = r.depth();
            }
        }
        return best;
    }

    @Test
    void agreesWithALinearScanOnRandomRoutesIncludingLongerThan24() {
        Random random = new Random(42);
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int base = 0x0A000000 | random.nextInt(1 << 16) << 8; // 10.x.y.0: prefixes overlap a lot
            int depth = 8 + random.nextInt(25);
            routes.add(new Route(base | random.nextInt(256), depth, random.nextInt(50)));
        }
        // Only one route per prefix/depth, so "last wins" ties do not matter for the reference.
        List<Route> unique = new ArrayList<>();
        routes.stream().filter(r -> unique.stream().noneMatch(u -> u.prefix() == r.prefix() && u.depth() == r.depth()))
                .forEach(unique::add);
        try (Dir24_8Table table = new Dir24_8Table(1024)) {
            table.load(unique);
            for (int i = 0; i < 200_000; i++) {
                int address = 0x0A000000 | random.nextInt(1 << 24);
                assertThat(table.lookup(address)).as(Ipv4Address.format(address)).isEqualTo(reference(unique, address));
            }
            for (Route r : unique) {
                assertThat(table.lookup(r.prefix())).isEqualTo(reference(unique, r.prefix()));
            }
        }
    }

    @Test
    void defaultRouteAndHostRouteAndMisses() {
        try (Dir24_8Table table = new Dir24_8Table(4)) {
            table.load(List.of(Route.parse("198.18.0.0/16", 1)));
            assertThat(table.lookup(Ipv4Address.parse("198.18.7.9"))).isEqualTo(1);
            assertThat(table.lookup(Ipv4Address.parse("198.19.0.1"))).isEqualTo(Dir24_8Table.NO_ROUTE);
            table.load(List.of(Route.parse("0.0.0.0/0", 0), Route.parse("255.255.255.255/32", 2),
                    Route.parse("198.18.0.128/25", 3)));
            assertThat(table.lookup(Ipv4Address.parse("1.2.3.4"))).isZero();
            assertThat(table.lookup(-1)).isEqualTo(2);
            assertThat(table.lookup(Ipv4Address.parse("255.255.255.254"))).isZero();
            assertThat(table.lookup(Ipv4Address.parse("198.18.0.200"))).isEqualTo(3);
            assertThat(table.lookup(Ipv4Address.parse("198.18.0.100"))).isZero();
            assertThat(table.groupsUsed()).isEqualTo(2);
        }
    }

    @Test
    void tooManyLongPrefixesIsAClearError() {
        try (Dir24_8Table table = new Dir24_8Table(1)) {
            assertThatThrownBy(() -> table.load(List.of(Route.parse("10.0.0.1/32", 0), Route.parse("10.0.1.1/32", 0))))
                    .hasMessageContaining("max-tbl8-groups");
        }
    }
}
