package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.vim.VimException;
import dev.mano.vim.lifecycle.DomainLifecycle;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HEAL: restart the named VNFCs (all when none is named) on the resources they already hold.
 * A domain that is gone is defined again from the ledger's placement, so healing also repairs a
 * VM someone undefined behind our back.
 */
final class HealWork implements LcmWork {
    private static final Logger log = LoggerFactory.getLogger(HealWork.class);
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
            startRetrying(ctx, domains, vnfc);
            deps.instances().setVnfcState(vnfc.id(), "RUNNING");
        }
        deps.agents().awaitReady(ctx, instance, vnfcs, 80, 100);
    }

    /**
     * A VM that was destroyed a moment ago (which is when healing is asked for) can still be giving its resources
     * back, and QEMU then exits while libvirt connects to it; a few seconds later the same start works. Seen in the
     * chain end-to-end test: "process exited while connecting to monitor" 0.3 s after the destroy.
     */
    private static void startRetrying(OpContext ctx, DomainLifecycle domains, Vnfc vnfc) throws VimException, InterruptedException {
        Duration[] waits = {Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};
        for (int attempt = 0; ; attempt++) {
            try {
                domains.start(vnfc.domainName());
                return;
            } catch (VimException e) {
                if (attempt == waits.length) {
                    throw e;
                }
                log.warn("starting {} failed (attempt {}), trying again in {} s: {}", vnfc.domainName(), attempt + 1,
                        waits[attempt].toSeconds(), e.getMessage());
                ctx.progress(10, "starting " + vnfc.domainName() + " again in " + waits[attempt].toSeconds() + " s");
                Thread.sleep(waits[attempt]);
            }
        }
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
