package dev.mano.dataplane.vnf.nat44;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PortAllocatorTest {

    @Test
    void handsOutEveryPortOnceThenReportsExhaustionAndReusesReleasedPorts() {
        int[] pool = {0xCB007101, 0xCB007102};
        try (PortAllocator ports = new PortAllocator(pool, 1000, 1099)) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                long endpoint = ports.allocate(17, 0x0A000000 + i);
                assertThat(endpoint).isNotEqualTo(PortAllocator.EXHAUSTED);
                assertThat(seen.add(endpoint)).isTrue();
                int port = (int) (endpoint & 0xFFFF);
                assertThat(port).isBetween(1000, 1099);
            }
            assertThat(ports.allocate(17, 0x0A000001)).isEqualTo(PortAllocator.EXHAUSTED);
            assertThat(ports.allocate(6, 0x0A000001)).isNotEqualTo(PortAllocator.EXHAUSTED); // per protocol
            ports.release(17, 0xCB007102, 1042);
            assertThat(ports.allocate(17, 0x0A000001)).isEqualTo(Integer.toUnsignedLong(0xCB007102) << 16 | 1042);
            assertThat(ports.inUse(17)).isEqualTo(200);
        }
    }

    @Test
    void aHostKeepsItsPreferredAddressWhilePortsLast() {
        try (PortAllocator ports = new PortAllocator(new int[] {1, 2, 3, 4}, 1024, 65535)) {
            long first = ports.allocate(6, 0x0A000009) >>> 16;
            for (int i = 0; i < 100; i++) {
                assertThat(ports.allocate(6, 0x0A000009) >>> 16).isEqualTo(first);
            }
        }
    }
}
