package dev.mano.orchestrator.placement;

/** One physical core of a cell in the planner's working copy: its hyperthreads and which are still free. */
final class PhysicalCore {
    final int[] cpus;
    final boolean[] isolated;
    final boolean[] free;
    final boolean allIsolated;
    int freeIsolated;

    PhysicalCore(int[] cpus, boolean[] isolated, boolean[] free) {
        this.cpus = cpus;
        this.isolated = isolated;
        this.free = free;
        boolean all = true;
        for (int i = 0; i < cpus.length; i++) {
            all &= isolated[i];
            if (isolated[i] && free[i]) {
                freeIsolated++;
            }
        }
        this.allIsolated = all;
    }

    /** Every thread isolated and free: the core can be given whole (thread policy isolate/require). */
    boolean wholeFree() {
        return allIsolated && freeIsolated == cpus.length;
    }

    boolean partlyUsed() {
        return freeIsolated > 0 && freeIsolated < isolatedCount();
    }

    int isolatedCount() {
        int n = 0;
        for (boolean b : isolated) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
