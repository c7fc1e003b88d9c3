package dev.mano.dataplane.vnf.lb;

import dev.mano.dataplane.packet.MacAddress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaglevTableTest {

    static List<Backend> backends(int n) {
        List<Backend> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Backend("backend-" + i, new MacAddress(0x020000000000L + i), true));
        }
        return list;
    }

    @Test
    void everyBackendGetsAnEvenShare() {
        try (MaglevTable table = new MaglevTable(backends(10), 65537)) {
            int[] share = new int[10];
            for (int i = 0; i < table.size(); i++) {
                share[table.slot(i)]++;
            }
            for (int s : share) {
                assertThat(s).isBetween(6553, 6554);
            }
        }
    }

    @Test
    void removingOneBackendMovesLittleMoreThanItsOwnSlots() {
        List<Backend> before = backends(10);
        List<Backend> after = new ArrayList<>(before);
        after.remove(3);
        try (MaglevTable a = new MaglevTable(before, 65537); MaglevTable b = new MaglevTable(after, 65537)) {
            int moved = 0;
            for (int i = 0; i < a.size(); i++) {
                String was = before.get(a.slot(i)).name();
                String now = after.get(b.slot(i)).name();
                if (!was.equals(now) && !was.equals("backend-3")) {
                    moved++;
                }
            }
            // Slots of surviving backends that changed hands: the paper reports a few percent at most.
            assertThat(moved).isLessThan(a.size() / 20);
        }
    }

    @Test
    void unhealthyBackendsGetNothingAndNoHealthyBackendMeansNoBackend() {
        List<Backend> list = new ArrayList<>(backends(3));
        list.set(1, list.get(1).withHealth(false));
        try (MaglevTable table = new MaglevTable(list, 251)) {
            for (int i = 0; i < table.size(); i++) {
                assertThat(table.slot(i)).isIn(0, 2);
            }
        }
        try (MaglevTable none = new MaglevTable(List.of(backends(1).get(0).withHealth(false)), 251)) {
            assertThat(none.lookup(12345)).isEqualTo(MaglevTable.NO_BACKEND);
        }
    }
}
