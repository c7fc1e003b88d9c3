package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.catalog.vnfd.DeploymentFlavour;
import dev.mano.orchestrator.catalog.vnfd.InstantiationLevel;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.placement.PlacementPlan;
import dev.mano.orchestrator.placement.Strategy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** INSTANTIATE: place every VNFC of the instantiation level, boot them, mark the VNF INSTANTIATED. */
final class InstantiateWork implements LcmWork {
    /** Operation parameter set by the NS lifecycle: {placementId, vnfcs: {vnfcId: vduId}}; never from the API. */
    static final String PREPLACED = "preplaced";
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

        PlacementPlan preplaced = null;
        List<VnfcRequirements.NewVnfc> vnfcs;
        Map<String, Object> fromNs = ctx.mapParam(PREPLACED);
        if (fromNs.isEmpty()) {
            vnfcs = VnfcRequirements.atLevel(vnfd, levelId);
        } else {
            // the NS placed the whole chain at once; this VNF's VNFCs are already in the ledger
            UUID placementId = UUID.fromString(String.valueOf(fromNs.get("placementId")));
            preplaced = deps.placement().find(placementId).orElseThrow(() -> new OperationFailure(409, "placement-missing",
                    "The NS placement is gone", "placement " + placementId + " no longer exists"));
            @SuppressWarnings("unchecked")
            Map<String, String> vduOf = (Map<String, String>) fromNs.get("vnfcs");
            vnfcs = preplaced.vnfcs().stream().map(p -> new VnfcRequirements.NewVnfc(p.vnfcId(),
                    vnfd.vdu(vduOf.get(p.vnfcId().toString())).orElseThrow())).toList();
        }
        Strategy strategy = Strategy.valueOf(ctx.param("strategy", "PACK").toUpperCase());
        deps.deployer().deploy(ctx, instance, vnfd, vnfcs, strategy, preplaced, GuestSetup.from(ctx.mapParam("additionalParams")), 10, 80);
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
