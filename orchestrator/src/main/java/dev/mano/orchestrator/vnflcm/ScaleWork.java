package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.catalog.vnfd.ScalingAspect;
import dev.mano.orchestrator.catalog.vnfd.Vdu;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.placement.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SCALE_OUT adds the VNFCs of each step's delta, one placement per step, and waits for their agents'
 * hello; SCALE_IN removes the newest placement group per step, draining its VNFCs first. So a step in
 * undoes a step out.
 */
final class ScaleWork implements LcmWork {
    private final LcmWorks deps;

    ScaleWork(LcmWorks deps) {
        this.deps = deps;
    }

    @Override
    public void run(OpContext ctx) throws Exception {
        VnfInstance instance = deps.instance(ctx.vnfInstanceId());
        Vnfd vnfd = deps.packages().vnfd(instance.vnfPkgId());
        String aspectId = ctx.param("aspectId", null);
        ScalingAspect aspect = vnfd.flavour().scalingAspect(aspectId).orElseThrow(() ->
                new OperationFailure(422, "unknown-aspect", "Unknown scaling aspect", "the VNFD has no scaling aspect " + aspectId));
        int steps = Integer.parseInt(ctx.param("numberOfSteps", "1"));
        boolean out = "SCALE_OUT".equals(ctx.param("type", null));
        int level = instance.scaleStatus().getOrDefault(aspectId, 0);
        int target = out ? level + steps : level - steps;
        if (target < 0 || target > aspect.maxScaleLevel()) {
            throw new OperationFailure(422, "scale-level-out-of-range", "Scale level out of range", "aspect " + aspectId
                    + " is at level " + level + "; " + steps + " step(s) " + (out ? "out" : "in") + " would reach " + target
                    + ", allowed 0.." + aspect.maxScaleLevel());
        }
        Map<String, Integer> status = new HashMap<>(instance.scaleStatus());
        for (int s = 0; s < steps; s++) {
            if (out) {
                int next = level + s + 1;
                List<VnfcRequirements.NewVnfc> added = new ArrayList<>();
                for (Vdu vdu : vnfd.vdus()) {
                    for (int i = 0; i < aspect.instancesAddedAtStep(vdu.id(), next); i++) {
                        added.add(new VnfcRequirements.NewVnfc(UUID.randomUUID(), vdu));
                    }
                }
                int from = 10 + 80 * s / steps;
                int to = 10 + 80 * (s + 1) / steps;
                List<Vnfc> created = deps.deployer().deploy(ctx, instance, vnfd, added, Strategy.PACK, null,
                        deps.guestSetup(instance.id()), from, (from + to) / 2);
                // A step is done when its VNFCs run their VNF, as for instantiate: completing at domain start left the
                // new VNFC booting while the healer, armed at completion, already counted its missing heartbeats.
                deps.agents().awaitReady(ctx, instance, created, (from + to) / 2, to);
                status.put(aspectId, next);
            } else {
                List<Vnfc> newest = deps.instances().newestPlacementGroup(instance.id());
                deps.agents().drain(ctx, newest);
                deps.deployer().remove(ctx, newest, deps.props().gracefulShutdown(), 10 + 80 * s / steps, 10 + 80 * (s + 1) / steps);
                status.put(aspectId, level - s - 1);
            }
            deps.instances().setScaleStatus(instance.id(), status);
        }
    }

    private static final String SCALE_IN_REFUSAL = "removed VNFCs are gone; scale out again instead";

    @Override
    public Optional<String> rollbackRefusal(LcmOpOcc op) {
        return "SCALE_OUT".equals(op.params().get("type")) ? Optional.empty() : Optional.of(SCALE_IN_REFUSAL);
    }

    @Override
    public void rollback(OpContext ctx) throws Exception {
        if (!"SCALE_OUT".equals(ctx.param("type", null))) {
            throw new OperationFailure(409, "rollback-not-supported", "Scale-in cannot be rolled back", SCALE_IN_REFUSAL);
        }
        deps.deployer().remove(ctx, deps.instances().vnfcsCreatedBy(ctx.opId()), Duration.ZERO, 0, 90);
        VnfInstance instance = deps.instance(ctx.vnfInstanceId());
        Map<String, Integer> status = new HashMap<>(instance.scaleStatus());
        status.put(ctx.param("aspectId", ""), levelBefore(ctx, instance));
        deps.instances().setScaleStatus(instance.id(), status);
    }

    private static int levelBefore(OpContext ctx, VnfInstance instance) {
        Object recorded = ctx.params().get("levelBefore");
        return recorded == null ? instance.scaleStatus().getOrDefault(ctx.param("aspectId", ""), 0) : ((Number) recorded).intValue();
    }
}
