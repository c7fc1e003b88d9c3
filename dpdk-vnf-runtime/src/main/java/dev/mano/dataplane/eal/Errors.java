package dev.mano.dataplane.eal;

import dev.mano.dataplane.bindings.Dpdk;

/** errno numbers to text through rte_strerror (covers DPDK's own E_RTE_* codes too). */
final class Errors {
    private Errors() {
    }

    static String describe(int errno) {
        return Dpdk.rte_strerror(errno).reinterpret(256).getString(0);
    }
}
