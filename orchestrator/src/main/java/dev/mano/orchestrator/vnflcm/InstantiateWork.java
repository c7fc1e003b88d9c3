package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.catalog.vnfd.DeploymentFlavour;
import dev.mano.orchestrator.catalog.vnfd.InstantiationLevel;
import dev.mano.orchestrator.catalog.vnfd.Vdu;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.placement.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** INSTANTIATE: place every VNFC of the instantiation level, boot them, mark the VNF INSTANTIATED. */
final class InstantiateWork implements LcmWork {
    private final LcmWorks deps;

    InstantiateWork(LcmWorks deps) {
        this.deps = deps;
    }

    @Override
    public void run(OpContext ctx) throws Exception {
        VnfInstance instance = deps.instance(ctx.vnfInstanceId());
        Vnfd vnfd = deps.packages().vnfd(instance.vnfPkgId());
        DeploymentFlavour flavour = vnfd.flavour();
        String levelId = ctx.param("instantiationLevelId", flavour.defaultInstantiationLevel());
        InstantiationLevel level = levelId == null ? null : flavour.instantiationLevel(levelId).orElse(null);

        List<VnfcDeployer.NewVnfc> vnfcs = new ArrayList<>();
        for (Vdu vdu : vnfd.vdus()) {
            int count = level == null ? vdu.minInstances() : level.vduInstances().getOrDefault(vdu.id(), vdu.minInstances());
            for (int i = 0; i < count; i++) {
                vnfcs.add(new VnfcDeployer.NewVnfc(UUID.randomUUID(), vdu));
            }
        }
        Strategy strategy = Strategy.valueOf(ctx.param("strategy", "PACK").toUpperCase());
        deps.deployer().deploy(ctx, instance, vnfd, vnfcs, strategy, 10, 80);
        deps.agents().awaitReady(ctx, instance, deps.instances().vnfcs(instance.id()), 80, 100);

        Map<String, Integer> scaleStatus = new HashMap<>();
        flavour.scalingAspects().forEach(a -> scaleStatus.put(a.id(),
                level == null ? 0 : level.aspectScaleLevels().getOrDefault(a.id(), 0)));
        deps.instances().markInstantiated(instance.id(), flavour.id(), levelId, scaleStatus);
    }

    @Override
    public void rollback(OpContext ctx) throws Exception {
        deps.deployer().remove(ctx, deps.instances().vnfcsCreatedBy(ctx.opId()), Duration.ZERO, 0, 90);
        deps.instances().markNotInstantiated(ctx.vnfInstanceId());
    }
}
