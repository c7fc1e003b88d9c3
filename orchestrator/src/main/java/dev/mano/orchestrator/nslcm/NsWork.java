package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.catalog.VnfPackageCatalog;
import dev.mano.orchestrator.nsd.Nsd;
import dev.mano.orchestrator.nsd.NsdCatalog;
import dev.mano.orchestrator.placement.PlacementService;
import dev.mano.orchestrator.placement.Strategy;
import dev.mano.orchestrator.vnflcm.LcmOpOcc;
import dev.mano.orchestrator.vnflcm.OperationState;
import dev.mano.orchestrator.vnflcm.VnfInstance;
import dev.mano.orchestrator.vnflcm.VnfLifecycle;
import dev.mano.orchestrator.vnflcm.VnfcRequirements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What each NS operation does. An NS operation drives VNF operations (recorded, so the NS op
 * occurrence shows per-VNF progress) and waits for them; VNFs of a chain are instantiated in
 * parallel once the chain is placed, because nothing in a VNF's start depends on its neighbours.
 */
@Component
class NsWork {
    private static final Logger log = LoggerFactory.getLogger(NsWork.class);
    private static final Duration VNF_OPERATION_LIMIT = Duration.ofMinutes(15);
    private final NsInstanceStore instances;
    private final NsLcmOpOccStore ops;
    private final NsdCatalog nsds;
    private final VnfPackageCatalog vnfPackages;
    private final VnfLifecycle vnfs;
    private final ChainPlacement chainPlacement;
    private final LinkRealisation links;
    private final ChainNetworks networks;
    private final PlacementService placement;
    private final VnfOperationWaiter waiter;

    NsWork(NsInstanceStore instances, NsLcmOpOccStore ops, NsdCatalog nsds, VnfPackageCatalog vnfPackages,
           VnfLifecycle vnfs, ChainPlacement chainPlacement, LinkRealisation links, ChainNetworks networks,
           PlacementService placement, VnfOperationWaiter waiter) {
        this.waiter = waiter;
        this.networks = networks;
        this.instances = instances;
        this.ops = ops;
        this.nsds = nsds;
        this.vnfPackages = vnfPackages;
        this.vnfs = vnfs;
        this.chainPlacement = chainPlacement;
        this.links = links;
        this.placement = placement;
    }

    void run(NsLcmOpOcc op, boolean retrying) throws InterruptedException {
        switch (op.operation()) {
            case INSTANTIATE -> {
                if (retrying) rollbackInstantiate(op);
                instantiate(op);
            }
            case TERMINATE -> terminate(op);
            case SCALE -> scale(op);
            case HEAL -> heal(op);
        }
    }

    void rollback(NsLcmOpOcc op) throws InterruptedException {
        switch (op.operation()) {
            case INSTANTIATE -> rollbackInstantiate(op);
            case SCALE -> rollbackScale(op);
            // healed VNFCs keep their resources; a member's heal that failed half-way is undone by its own rollback
            case HEAL -> rollbackFailedVnfOperations(op, "rolling back");
            case TERMINATE -> throw new IllegalStateException("refused before: " + op.operation() + " cannot be rolled back");
        }
    }

    /**
     * Why this operation cannot be rolled back, asked before its state changes, so a refusal leaves the operation
     * FAILED_TEMP with its own error.
     */
    @SuppressWarnings("unchecked")
    static Optional<String> rollbackRefusal(NsLcmOpOcc op) {
        if (op.operation() == NsOperation.TERMINATE) {
            return Optional.of("the VNFs it removed are gone; retry it to finish, or fail it");
        }
        if (op.operation() == NsOperation.SCALE && ((List<Object>) op.params().getOrDefault("scaleVnfData", List.of())).stream()
                .anyMatch(d -> d instanceof Map<?, ?> m && "SCALE_IN".equals(m.get("scaleVnfType")))) {
            return Optional.of("it scales a member in, and removed VNFCs are gone; retry it, or fail it and scale out again");
        }
        return Optional.empty();
    }

    /**
     * The member operations this NS operation left FAILED_TEMP are marked FAILED with it: left as they were, each
     * would block every further operation on its VNF.
     */
    void abandon(NsLcmOpOcc op) {
        for (LcmOpOcc vnfOp : latestVnfOperations(op).values()) {
            if (vnfOp.state() != OperationState.FAILED_TEMP) continue;
            try {
                vnfs.fail(vnfOp.id());
            } catch (RuntimeException e) { // someone retried or rolled it back meanwhile: theirs to finish
                log.warn("VNF operation {} of NS operation {} not marked FAILED: {}", vnfOp.id(), op.id(), e.getMessage());
            }
        }
    }

    private void instantiate(NsLcmOpOcc op) throws InterruptedException {
        NsInstance ns = instances.find(op.nsInstanceId()).orElseThrow();
        Nsd nsd = nsds.deployable(ns.nsdId()).orElseThrow(() -> new OperationFailure(409, "nsd-not-deployable",
                "The NS descriptor cannot be deployed", "NSD " + ns.nsdId() + " is not onboarded and enabled")).nsd();
        Strategy strategy = Strategy.valueOf(String.valueOf(op.params().getOrDefault("strategy", "PACK")).toUpperCase());

        ops.progress(op.id(), "creating " + nsd.chain().size() + " VNF instances");
        List<ChainPlacement.Member> chain = new ArrayList<>();
        for (int i = 0; i < nsd.chain().size(); i++) {
            Nsd.NsdVnf member = nsd.chain().get(i);
            VnfInstance vnf = vnfs.create(member.vnfdId(), ns.name() + "-" + member.nodeName(),
                    "member " + member.nodeName() + " of NS " + ns.name(), ns.id());
            instances.addMember(ns.id(), new NsMember(i, member.nodeName(), vnf.id()));
            var vnfd = vnfPackages.findByVnfdId(member.vnfdId()).orElseThrow(() -> new OperationFailure(409, "vnfd-not-deployable",
                    "A constituent VNF package cannot be deployed", "VNFD " + member.vnfdId() + " is not onboarded and enabled")).vnfd();
            chain.add(new ChainPlacement.Member(vnf.id(), vnf.name(), vnfd, VnfcRequirements.atLevel(vnfd, null)));
        }

        ops.progress(op.id(), "placing the chain");
        ChainPlacement.Outcome placed = chainPlacement.place(chain, strategy);
        if (placed instanceof ChainPlacement.Outcome.Rejected r) {
            throw new OperationFailure(409, "no-placement", "The chain does not fit", "nothing fits " + r.vnfcName())
                    .with("reasons", r.reasons());
        }
        List<ChainPlacement.Placed> committed = ((ChainPlacement.Outcome.Committed) placed).placed();
        ops.rememberPlacements(op.id(), committed.stream().map(p -> p.plan().id()).toList());

        // Recorded with their VLANs before they exist, so a rollback after a crash knows what to remove and give back.
        List<RealisedLink> segments = links.realise(ns.id(), nsd, chain, committed);
        ops.progress(op.id(), "wiring " + segments.size() + " segments (access points and links)");
        networks.create(segments);

        Map<String, Object> perVnfParams = perVnfParams(op);
        List<UUID[]> started = new ArrayList<>();
        for (int i = 0; i < committed.size(); i++) {
            ChainPlacement.Placed p = committed.get(i);
            Nsd.NsdVnf member = nsd.chain().get(i);
            Object params = perVnfParams.get(member.nodeName());
            @SuppressWarnings("unchecked")
            Map<String, Object> additional = new LinkedHashMap<>(params instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
            additional.put("dataPorts", LinkRealisation.dataPorts(segments, i));
            LcmOpOcc vnfOp = vnfs.instantiatePreplaced(p.vnfInstanceId(), member.flavourId(), p.plan().id(), p.vnfcVdus(), additional);
            ops.addVnfOperation(op.id(), p.vnfInstanceId(), vnfOp.id());
            started.add(new UUID[] {p.vnfInstanceId(), vnfOp.id()});
        }
        awaitAll(op, started, "instantiating");
        instances.setInstantiated(ns.id(), true);
    }

    /** Undoes an instantiation from wherever it stopped: VNFs rolled back or terminated, then deleted, placements released. */
    private void rollbackInstantiate(NsLcmOpOcc op) throws InterruptedException {
        NsInstance ns = instances.find(op.nsInstanceId()).orElseThrow();
        for (NsMember m : instances.members(ns.id())) {
            removeVnf(op, ns, m);
        }
        Object remembered = ops.find(op.id()).orElseThrow().params().get("placements");
        if (remembered instanceof List<?> list) {
            list.forEach(id -> placement.release(UUID.fromString(String.valueOf(id))));
        }
        networks.remove(instances.links(ns.id()));
        links.forget(ns.id());
        instances.setInstantiated(ns.id(), false);
    }

    private void terminate(NsLcmOpOcc op) throws InterruptedException {
        NsInstance ns = instances.find(op.nsInstanceId()).orElseThrow();
        for (NsMember m : instances.members(ns.id()).reversed()) {
            removeVnf(op, ns, m);
        }
        networks.remove(instances.links(ns.id()));
        links.forget(ns.id());
        instances.setInstantiated(ns.id(), false);
    }

    /** Brings a member VNF to nothing whatever state it is in, then deletes it. */
    private void removeVnf(NsLcmOpOcc op, NsInstance ns, NsMember m) throws InterruptedException {
        UUID vnfId = m.vnfInstanceId();
        for (LcmOpOcc open : openVnfOperations(vnfId)) {
            if (open.state() == OperationState.FAILED_TEMP) {
                vnfs.rollback(open.id());
                awaitAll(op, List.<UUID[]>of(new UUID[] {vnfId, open.id()}), "rolling back " + m.memberNode());
            } else {
                await(open.id()); // a VNF operation still running (e.g. after our own crash): let it finish first
            }
        }
        VnfInstance vnf = vnfs.get(vnfId);
        if (vnf.instantiated()) {
            LcmOpOcc t = vnfs.terminate(vnfId, null);
            ops.addVnfOperation(op.id(), vnfId, t.id());
            awaitAll(op, List.<UUID[]>of(new UUID[] {vnfId, t.id()}), "terminating " + m.memberNode());
        }
        instances.removeMember(ns.id(), vnfId);
        vnfs.delete(vnfId);
    }

    private List<LcmOpOcc> openVnfOperations(UUID vnfId) {
        return vnfs.operations(vnfId).stream().filter(o -> OperationState.OPEN.contains(o.state())).toList();
    }

    /**
     * Scales each listed member. Run again (retry), a member whose scale completed is left alone, one whose scale
     * failed half-way is retried (a new scale would be refused: the failed one still holds the VNF), one whose
     * scale still runs (our own crash) is awaited.
     */
    @SuppressWarnings("unchecked")
    private void scale(NsLcmOpOcc op) throws InterruptedException {
        Map<UUID, LcmOpOcc> before = latestVnfOperations(op);
        List<UUID[]> started = new ArrayList<>();
        for (Object o : (List<Object>) op.params().getOrDefault("scaleVnfData", List.of())) {
            Map<String, Object> d = (Map<String, Object>) o;
            UUID vnfId = UUID.fromString(String.valueOf(d.get("vnfInstanceId")));
            LcmOpOcc earlier = before.get(vnfId);
            if (earlier != null && earlier.state() == OperationState.COMPLETED) continue;
            if (earlier != null && earlier.state() == OperationState.FAILED_TEMP) {
                vnfs.retry(earlier.id());
                started.add(new UUID[] {vnfId, earlier.id()});
                continue;
            }
            if (earlier != null && OperationState.OPEN.contains(earlier.state())) {
                started.add(new UUID[] {vnfId, earlier.id()});
                continue;
            }
            Map<String, Object> step = (Map<String, Object>) d.getOrDefault("scaleByStepData", Map.of());
            LcmOpOcc vnfOp = vnfs.scale(vnfId, String.valueOf(d.get("scaleVnfType")), String.valueOf(step.get("aspectId")),
                    ((Number) step.getOrDefault("numberOfSteps", 1)).intValue(), false);
            ops.addVnfOperation(op.id(), vnfId, vnfOp.id());
            started.add(new UUID[] {vnfId, vnfOp.id()});
        }
        awaitAll(op, started, "scaling");
    }

    /**
     * Undoes a scale member by member: a scale that failed half-way is rolled back by its VNF (its new VNFCs and
     * their resources go), a completed one is reversed by a scale-in of the same steps.
     */
    @SuppressWarnings("unchecked")
    private void rollbackScale(NsLcmOpOcc op) throws InterruptedException {
        Map<UUID, Map<String, Object>> requested = new LinkedHashMap<>();
        for (Object o : (List<Object>) op.params().getOrDefault("scaleVnfData", List.of())) {
            Map<String, Object> d = (Map<String, Object>) o;
            requested.put(UUID.fromString(String.valueOf(d.get("vnfInstanceId"))), d);
        }
        rollbackFailedVnfOperations(op, "rolling back");
        List<UUID[]> reversed = new ArrayList<>();
        for (Map.Entry<UUID, LcmOpOcc> e : latestVnfOperations(op).entrySet()) {
            Map<String, Object> d = requested.get(e.getKey());
            if (d == null || e.getValue().state() != OperationState.COMPLETED) continue;
            Map<String, Object> step = (Map<String, Object>) d.getOrDefault("scaleByStepData", Map.of());
            // only scale-outs get here (rollbackRefusal turns scale-ins away)
            LcmOpOcc undo = vnfs.scale(e.getKey(), "SCALE_IN", String.valueOf(step.get("aspectId")),
                    ((Number) step.getOrDefault("numberOfSteps", 1)).intValue(), false);
            ops.addVnfOperation(op.id(), e.getKey(), undo.id());
            reversed.add(new UUID[] {e.getKey(), undo.id()});
        }
        awaitAll(op, reversed, "reversing completed scales");
    }

    /** Rolls back the member operations this NS operation left FAILED_TEMP and waits for them. */
    private void rollbackFailedVnfOperations(NsLcmOpOcc op, String what) throws InterruptedException {
        List<UUID[]> rolling = new ArrayList<>();
        for (Map.Entry<UUID, LcmOpOcc> e : latestVnfOperations(op).entrySet()) {
            if (e.getValue().state() != OperationState.FAILED_TEMP) continue;
            vnfs.rollback(e.getValue().id());
            rolling.add(new UUID[] {e.getKey(), e.getValue().id()});
        }
        awaitAll(op, rolling, what);
    }

    /** Per member VNF, the latest of the VNF operations this NS operation drove, as it stands now. */
    private Map<UUID, LcmOpOcc> latestVnfOperations(NsLcmOpOcc op) {
        Map<UUID, LcmOpOcc> latest = new LinkedHashMap<>();
        for (UUID[] pair : ops.vnfOperations(op.id())) {
            vnfs.operation(pair[1]).ifPresent(o -> latest.merge(pair[0], o,
                    (a, b) -> a.startTime().isAfter(b.startTime()) ? a : b));
        }
        return latest;
    }

    @SuppressWarnings("unchecked")
    private void heal(NsLcmOpOcc op) throws InterruptedException {
        networks.create(instances.links(op.nsInstanceId())); // a segment removed behind our back comes back first
        List<UUID[]> started = new ArrayList<>();
        for (Object o : (List<Object>) op.params().getOrDefault("healVnfData", List.of())) {
            Map<String, Object> d = (Map<String, Object>) o;
            UUID vnfId = UUID.fromString(String.valueOf(d.get("vnfInstanceId")));
            LcmOpOcc vnfOp = vnfs.heal(vnfId, null, String.valueOf(d.getOrDefault("cause", "NS heal")), false);
            ops.addVnfOperation(op.id(), vnfId, vnfOp.id());
            started.add(new UUID[] {vnfId, vnfOp.id()});
        }
        awaitAll(op, started, "healing");
    }

    /** Waits for VNF operations; the NS operation fails when any of them did not complete. */
    private void awaitAll(NsLcmOpOcc op, List<UUID[]> started, String what) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        for (UUID[] s : started) {
            LcmOpOcc done = await(s[1]);
            if (done.state() != OperationState.COMPLETED && done.state() != OperationState.ROLLED_BACK) {
                failures.add("VNF " + s[0] + " (" + done.operation() + " " + done.id() + "): " + done.state()
                        + (done.error() == null ? "" : " — " + done.error().get("detail")));
            }
            ops.progress(op.id(), what + ": " + (started.indexOf(s) + 1) + "/" + started.size() + " VNF operations done");
        }
        if (!failures.isEmpty()) {
            throw new OperationFailure(502, "vnf-operation-failed", "A VNF operation did not complete", String.join("; ", failures))
                    .with("vnfOperations", failures);
        }
    }

    private LcmOpOcc await(UUID vnfOpId) throws InterruptedException {
        return waiter.await(vnfOpId, VNF_OPERATION_LIMIT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> perVnfParams(NsLcmOpOcc op) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object list = op.params().get("additionalParamsForVnf");
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.get("vnfProfileId") != null) {
                    out.put(String.valueOf(m.get("vnfProfileId")), ((Map<String, Object>) m).getOrDefault("additionalParams", Map.of()));
                }
            }
        }
        return out;
    }
}
