package dev.mano.dataplane.vnf.firewall;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionTableTest {

    record Key(int src, int dst, int ports, int proto) {
    }

    @Test
    void behavesLikeAMapUnderRandomInsertsAndRemovals() {
        Random random = new Random(11);
        try (ConnectionTable table = new ConnectionTable(5000)) {
            Map<Key, Long> reference = new HashMap<>();
            List<Key> keys = new ArrayList<>();
            for (int op = 0; op < 300_000; op++) {
                if (reference.size() < 4900 && (random.nextInt(3) > 0 || keys.isEmpty())) {
                    // Small key space: many collisions and long probe runs.
                    Key key = new Key(random.nextInt(64), random.nextInt(64), random.nextInt(64), 1 + random.nextInt(2));
                    if (reference.containsKey(key)) {
                        assertThat(table.find(key.src, key.dst, key.ports, key.proto)).isNotNegative();
                        continue;
                    }
                    assertThat(table.find(key.src, key.dst, key.ports, key.proto)).isEqualTo(ConnectionTable.MISSING);
                    int slot = table.insert(key.src, key.dst, key.ports, key.proto, 0);
                    table.setValue(slot, op);
                    reference.put(key, (long) op);
                    keys.add(key);
                } else {
                    Key key = keys.remove(random.nextInt(keys.size()));
                    int slot = table.find(key.src, key.dst, key.ports, key.proto);
                    assertThat(slot).isNotNegative();
                    assertThat(table.value(slot)).isEqualTo(reference.remove(key));
                    table.remove(slot);
                }
                assertThat(table.size()).isEqualTo(reference.size());
            }
            for (Map.Entry<Key, Long> e : reference.entrySet()) {
                Key k = e.getKey();
                int slot = table.find(k.src, k.dst, k.ports, k.proto);
                assertThat(slot).isNotNegative();
                assertThat(table.value(slot)).isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void refusesInsertsBeyondCapacityAndSweepsExpiredEntries() {
        try (ConnectionTable table = new ConnectionTable(100)) {
            for (int i = 0; i < 100; i++) {
                assertThat(table.insert(i, 0, 0, 6, i < 50 ? 10 : 1000)).isNotNegative();
            }
            assertThat(table.insert(1000, 0, 0, 6, 0)).isEqualTo(ConnectionTable.MISSING);
            int removed = 0;
            for (int round = 0; round < 1000; round++) {
                int slot = table.nextExpired(500, 16);
                if (slot >= 0) {
                    assertThat(table.expiresAt(slot)).isLessThan(500);
                    table.remove(slot);
                    removed++;
                }
            }
            assertThat(removed).isEqualTo(50);
            assertThat(table.size()).isEqualTo(50);
            for (int i = 50; i < 100; i++) {
                assertThat(table.find(i, 0, 0, 6)).isNotNegative();
            }
        }
    }
}
