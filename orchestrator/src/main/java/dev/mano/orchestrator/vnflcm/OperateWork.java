package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.vim.lifecycle.DomainLifecycle;
import java.time.Duration;
import java.util.List;

/** OPERATE: start or stop every VNFC of the VNF (SOL003 changeStateTo STARTED | STOPPED). */
final class OperateWork implements LcmWork {
    private final LcmWorks deps;

    OperateWork(LcmWorks deps) {
        this.deps = deps;
    }

    @Override
    public void run(OpContext ctx) throws Exception {
        VnfInstance instance = deps.instance(ctx.vnfInstanceId());
        boolean start = "STARTED".equals(ctx.param("changeStateTo", null));
        Duration graceful = "GRACEFUL".equals(ctx.param("stopType", "GRACEFUL"))
                ? Duration.ofSeconds(Long.parseLong(ctx.param("gracefulStopTimeout",
                        String.valueOf(deps.props().gracefulShutdown().toSeconds()))))
                : Duration.ZERO;
        List<Vnfc> vnfcs = deps.instances().vnfcs(instance.id());
        for (int i = 0; i < vnfcs.size(); i++) {
            Vnfc vnfc = vnfcs.get(i);
            ctx.progress(10 + 80 * i / Math.max(1, vnfcs.size()), (start ? "starting " : "stopping ") + vnfc.domainName());
            HostRef host = deps.hosts().ref(vnfc.hostId());
            DomainLifecycle domains = deps.libvirt().lifecycle(host.libvirtUri());
            boolean active = domains.state(vnfc.domainName()).map(s -> s.active()).orElse(false);
            if (start && !active) {
                domains.start(vnfc.domainName());
            } else if (!start && active) {
                if (graceful.isZero()) domains.destroy(vnfc.domainName());
                else domains.shutdown(vnfc.domainName(), graceful);
            }
            deps.instances().setVnfcState(vnfc.id(), start ? "RUNNING" : "STOPPED");
        }
        deps.instances().setVnfState(instance.id(), start ? "STARTED" : "STOPPED");
    }

    @Override
    public void retry(OpContext ctx) throws Exception {
        run(ctx);
    }

    /** Nothing to give back: the VNFCs keep their resources whether started or stopped. */
    @Override
    public void rollback(OpContext ctx) {
    }
}
