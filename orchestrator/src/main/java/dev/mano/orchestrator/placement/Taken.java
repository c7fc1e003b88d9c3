package dev.mano.orchestrator.placement;

import java.util.ArrayList;
import java.util.List;

/** Resources one VNFC took from the working copy: enough to give them back or to describe them. */
final class Taken {
    private record NodeTake(CellCapacity cell, CellCapacity.TakenCpus cpus, long pageSizeKib, long pages, List<VfSlot> vfs) {}

    private final HostCapacity host;
    private final VnfcNeeds need;
    private final List<NodeTake> nodes;

    private Taken(HostCapacity host, VnfcNeeds need, List<NodeTake> nodes) {
        this.host = host;
        this.need = need;
        this.nodes = nodes;
    }

    static Taken take(HostCapacity host, CellCapacity[] cells, VnfcNeeds need, Demand demand) {
        List<List<VfSlot>> vfs = new ArrayList<>();
        for (int k = 0; k < cells.length; k++) {
            vfs.add(new ArrayList<>());
        }
        for (int i = 0; i < demand.networks.length; i++) {
            int remaining = demand.vfs[i];
            for (int k = 0; k < cells.length && remaining > 0; k++) {
                List<VfSlot> got = cells[k].takeVfs(demand.networks[i], Math.min(remaining, cells[k].freeVfs(demand.networks[i])));
                vfs.get(k).addAll(got);
                remaining -= got.size();
            }
            if (remaining > 0) {
                throw new IllegalStateException("host " + host.name() + " passed the filter but lacks VFs");
            }
        }
        List<NodeTake> nodes = new ArrayList<>(cells.length);
        for (int k = 0; k < cells.length; k++) {
            CellCapacity c = cells[k];
            CellCapacity.TakenCpus cpus = c.takeCpus(demand.pmdOfNode(k), demand.policy);
            long pages = demand.pagesOfNode(k);
            c.takePages(demand.pageSizeKib, pages);
            nodes.add(new NodeTake(c, cpus, demand.pageSizeKib, pages, vfs.get(k)));
        }
        return new Taken(host, need, nodes);
    }

    void giveBack() {
        for (NodeTake n : nodes) {
            n.cell.returnCpus(n.cpus.pmd());
            n.cell.returnCpus(n.cpus.siblings());
            n.cell.returnPages(n.pageSizeKib, n.pages);
            n.vfs.forEach(n.cell::returnVf);
        }
    }

    HostCapacity host() {
        return host;
    }

    CellCapacity primaryCell() {
        return nodes.getFirst().cell;
    }

    VnfcPlacement toPlacement() {
        List<NodePlacement> out = new ArrayList<>(nodes.size());
        for (int k = 0; k < nodes.size(); k++) {
            NodeTake n = nodes.get(k);
            List<VfAssignment> vfs = n.vfs.stream()
                    .map(v -> new VfAssignment(v.pciAddress, v.physicalNetwork, v.pfPciAddress, n.cell.id))
                    .toList();
            out.add(new NodePlacement(k, n.cell.id, n.cpus.pmd(), n.cpus.siblings(), n.cell.housekeepingCpus(),
                    n.pageSizeKib, n.pages, vfs));
        }
        return new VnfcPlacement(need.vnfcId(), need.name(), host.id(), host.name(), out);
    }
}
