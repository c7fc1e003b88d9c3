package dev.mano.orchestrator.placement;

/** One VNFC's needs in the form the filter checks against cell counters, split per guest NUMA node. */
final class Demand {
    final int pmd;
    final ThreadPolicy policy;
    final long pageSizeKib;
    final long pages;
    final int nodes;
    final String[] networks;
    final int[] vfs;

    private Demand(VnfcNeeds need) {
        this.pmd = need.pmdCores();
        this.policy = need.threadPolicy();
        this.pageSizeKib = need.hugepageSizeKib();
        this.pages = need.pages();
        this.nodes = need.guestNumaNodes();
        this.networks = need.vfsPerNetwork().keySet().stream().sorted().map(String::intern).toArray(String[]::new);
        this.vfs = new int[networks.length];
        for (int i = 0; i < networks.length; i++) {
            vfs[i] = need.vfsPerNetwork().get(networks[i]);
        }
    }

    static Demand of(VnfcNeeds need) {
        return new Demand(need);
    }

    int pmdOfNode(int k) {
        return pmd / nodes + (k < pmd % nodes ? 1 : 0);
    }

    long pagesOfNode(int k) {
        return pages / nodes + (k < pages % nodes ? 1 : 0);
    }

    boolean fits(CellCapacity c) {
        if (!c.fitsCpus(pmd, policy) || c.freePages(pageSizeKib) < pages) {
            return false;
        }
        for (int i = 0; i < networks.length; i++) {
            if (c.freeVfs(networks[i]) < vfs[i]) {
                return false;
            }
        }
        return true;
    }

    boolean fitsSplit(CellCapacity[] cells) {
        for (int k = 0; k < cells.length; k++) {
            if (!cells[k].fitsCpus(pmdOfNode(k), policy) || cells[k].freePages(pageSizeKib) < pagesOfNode(k)) {
                return false;
            }
        }
        for (int i = 0; i < networks.length; i++) {
            int free = 0;
            for (CellCapacity c : cells) {
                free += c.freeVfs(networks[i]);
            }
            if (free < vfs[i]) {
                return false;
            }
        }
        return true;
    }
}
