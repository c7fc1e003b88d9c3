package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.vim.lifecycle.DomainLifecycle;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * HEAL: restart the named VNFCs (all when none is named) on the resources they already hold.
 * A domain that is gone is defined again from the ledger's placement, so healing also repairs a
 * VM someone undefined behind our back.
 */
final class HealWork implements LcmWork {
    private final LcmWorks deps;

    HealWork(LcmWorks deps) {
        this.deps = deps;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(OpContext ctx) throws Exception {
        VnfInstance instance = deps.instance(ctx.vnfInstanceId());
        Object named = ctx.params().get("vnfcInstanceId");
        Set<String> wanted = named instanceof List<?> l ? ((List<Object>) l).stream().map(String::valueOf).collect(Collectors.toSet()) : Set.of();
        List<Vnfc> vnfcs = deps.instances().vnfcs(instance.id()).stream()
                .filter(v -> wanted.isEmpty() || wanted.contains(v.id().toString())).toList();
        if (vnfcs.isEmpty()) {
            throw new OperationFailure(422, "unknown-vnfc", "No such VNFC", "VNF instance " + instance.id() + " has no VNFC " + wanted);
        }
        for (int i = 0; i < vnfcs.size(); i++) {
            Vnfc vnfc = vnfcs.get(i);
            ctx.progress(10 + 70 * i / vnfcs.size(), "healing " + vnfc.domainName());
            HostRef host = deps.hosts().ref(vnfc.hostId());
            DomainLifecycle domains = deps.libvirt().lifecycle(host.libvirtUri());
            if (domains.state(vnfc.domainName()).isEmpty()) {
                deps.redefine(instance, vnfc, host, domains);
            } else if (domains.state(vnfc.domainName()).get().active()) {
                domains.destroy(vnfc.domainName());
            }
            domains.start(vnfc.domainName());
            deps.instances().setVnfcState(vnfc.id(), "RUNNING");
        }
        deps.agents().awaitReady(ctx, instance, vnfcs, 80, 100);
    }

    /** Healing changed nothing that must be undone: the VNFCs keep their resources either way. */
    @Override
    public void rollback(OpContext ctx) {
    }

    @Override
    public void retry(OpContext ctx) throws Exception {
        run(ctx);
    }

}
