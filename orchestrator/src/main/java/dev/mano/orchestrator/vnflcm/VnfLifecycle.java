package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.OnboardedPackage;
import dev.mano.orchestrator.catalog.VnfPackageCatalog;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The VNF lifecycle as the API and the NS lifecycle call it. Checks that an operation may start
 * (state, descriptor), opens its op occurrence (the database refuses a second open one per VNF)
 * and hands it to the runner. Everything refused here changed nothing.
 */
@Service
public class VnfLifecycle {
    private final VnfInstanceStore instances;
    private final LcmOpOccStore ops;
    private final PackageLookup packages;
    private final VnfPackageCatalog catalog;
    private final OperationRunner runner;

    VnfLifecycle(VnfInstanceStore instances, LcmOpOccStore ops, PackageLookup packages, VnfPackageCatalog catalog,
                 OperationRunner runner) {
        this.instances = instances;
        this.ops = ops;
        this.packages = packages;
        this.catalog = catalog;
        this.runner = runner;
    }

    @Transactional
    public VnfInstance create(String vnfdId, String name, String description, UUID nsInstanceId) {
        OnboardedPackage pkg = packages.enabledPackage(vnfdId);
        UUID id = UUID.randomUUID();
        VnfInstance instance = new VnfInstance(id, name == null || name.isBlank() ? "vnf-" + id.toString().substring(0, 8) : name,
                description, vnfdId, pkg.id(), pkg.vnfProvider(), pkg.vnfProductName(), pkg.vnfSoftwareVersion(),
                pkg.vnfdVersion(), false, null, null, null, Map.of(), nsInstanceId, null);
        VnfInstance created = instances.insert(instance);
        catalog.markInUse(pkg.id());
        return created;
    }

    @Transactional
    public void delete(UUID id) {
        VnfInstance instance = get(id);
        if (instance.instantiated()) {
            throw ApiProblem.conflict("instance-state-conflict", "VNF instance " + id + " is INSTANTIATED; terminate it first")
                    .with("instantiationState", "INSTANTIATED");
        }
        if (ops.list(id).stream().anyMatch(op -> OperationState.OPEN.contains(op.state()))) {
            throw ApiProblem.conflict("operation-in-progress", "VNF instance " + id + " has an unfinished operation");
        }
        instances.delete(id);
        if (instances.countByPackage(instance.vnfPkgId()) == 0) {
            catalog.markNotInUse(instance.vnfPkgId());
        }
    }

    public VnfInstance get(UUID id) {
        return instances.find(id).orElseThrow(() -> ApiProblem.notFound("VNF instance", id));
    }

    public LcmOpOcc instantiate(UUID id, LcmRequests.InstantiateVnfRequest request, boolean automatic) {
        VnfInstance instance = get(id);
        requireInstantiated(instance, false);
        Vnfd vnfd = packages.vnfd(instance.vnfPkgId());
        if (!vnfd.flavour().id().equals(request.flavourId())) {
            throw unprocessable("unknown-flavour", "flavourId", "the VNFD " + instance.vnfdId() + " has flavour "
                    + vnfd.flavour().id() + ", not " + request.flavourId());
        }
        if (request.instantiationLevelId() != null && vnfd.flavour().instantiationLevel(request.instantiationLevelId()).isEmpty()) {
            throw unprocessable("unknown-instantiation-level", "instantiationLevelId",
                    "flavour " + request.flavourId() + " has no instantiation level " + request.instantiationLevelId());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("flavourId", request.flavourId());
        if (request.instantiationLevelId() != null) params.put("instantiationLevelId", request.instantiationLevelId());
        Map<String, Object> additional = request.additionalParams() == null ? Map.of() : request.additionalParams();
        Object strategy = additional.getOrDefault("strategy", "PACK");
        if (!List.of("PACK", "SPREAD").contains(String.valueOf(strategy).toUpperCase())) {
            throw unprocessable("invalid-strategy", "additionalParams.strategy", "strategy is PACK or SPREAD, not " + strategy);
        }
        params.put("strategy", String.valueOf(strategy).toUpperCase());
        requireValidAdditionalParams(additional, "");
        params.put("additionalParams", additional);
        return open(id, LcmOperation.INSTANTIATE, params, automatic);
    }

    /**
     * Instantiates with VNFCs the NS lifecycle already placed (one plan for the whole chain):
     * {@code vnfcVdus} maps each VNFC id of {@code placementId} to its VDU.
     */
    public LcmOpOcc instantiatePreplaced(UUID id, String flavourId, UUID placementId, Map<String, String> vnfcVdus,
                                         Map<String, Object> additionalParams) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("flavourId", flavourId);
        params.put("strategy", "PACK");
        requireValidAdditionalParams(additionalParams, "");
        params.put("additionalParams", additionalParams == null ? Map.of() : additionalParams);
        params.put(InstantiateWork.PREPLACED, Map.of("placementId", placementId.toString(), "vnfcs", vnfcVdus));
        requireInstantiated(get(id), false);
        return open(id, LcmOperation.INSTANTIATE, params, false);
    }

    public LcmOpOcc terminate(UUID id, LcmRequests.TerminateVnfRequest request) {
        requireInstantiated(get(id), true);
        Map<String, Object> params = new HashMap<>();
        params.put("terminationType", request == null || request.terminationType() == null ? "FORCEFUL" : request.terminationType());
        if (request != null && request.gracefulTerminationTimeout() != null) {
            params.put("gracefulTerminationTimeout", request.gracefulTerminationTimeout());
        }
        return open(id, LcmOperation.TERMINATE, params, false);
    }

    public LcmOpOcc scale(UUID id, LcmRequests.ScaleVnfRequest request, boolean automatic) {
        VnfInstance instance = checkScale(id, request, "");
        Map<String, Object> params = new HashMap<>();
        params.put("type", request.type());
        params.put("aspectId", request.aspectId());
        params.put("numberOfSteps", request.numberOfSteps() == null ? 1 : request.numberOfSteps());
        params.put("levelBefore", instance.scaleStatus().getOrDefault(request.aspectId(), 0));
        return open(id, LcmOperation.SCALE, params, automatic);
    }

    /**
     * Refuses, before any operation exists, a scale the VNF cannot make: an aspect its VNFD lacks, or steps that
     * leave the aspect's range 0..max_scale_level. (ScaleWork checks again when it runs: the level may have moved.)
     *
     * @param fieldPrefix where the request sits in the caller's document, for the problem's {@code field}
     */
    public VnfInstance checkScale(UUID id, LcmRequests.ScaleVnfRequest request, String fieldPrefix) {
        VnfInstance instance = get(id);
        requireInstantiated(instance, true);
        Vnfd vnfd = packages.vnfd(instance.vnfPkgId());
        var aspect = vnfd.flavour().scalingAspect(request.aspectId()).orElseThrow(() -> unprocessable("unknown-aspect",
                fieldPrefix + "aspectId", "the VNFD of VNF " + id + " has no scaling aspect " + request.aspectId()));
        int steps = request.numberOfSteps() == null ? 1 : request.numberOfSteps();
        int level = instance.scaleStatus().getOrDefault(request.aspectId(), 0);
        int target = "SCALE_IN".equals(request.type()) ? level - steps : level + steps;
        if (target < 0 || target > aspect.maxScaleLevel()) {
            throw unprocessable("scale-level-out-of-range", fieldPrefix + "numberOfSteps", "aspect " + request.aspectId()
                    + " of VNF " + id + " is at level " + level + "; " + steps + " step(s) " + ("SCALE_IN".equals(request.type())
                    ? "in" : "out") + " would reach " + target + ", allowed 0.." + aspect.maxScaleLevel());
        }
        if (target > level && GuestSetup.of(ops.list(id)).dataPorts().stream().anyMatch(p -> p instanceof GuestSetup.DataPort.VhostUser)) {
            // a switched vhost-user link joins exactly two NICs: a second VNFC would have no socket to connect to
            throw ApiProblem.conflict("link-point-to-point", "VNF " + id + " is wired to its chain neighbours by vhost-user links"
                    + " through the chain switch, which join exactly two NICs; it cannot scale out (wire it with bridges or SR-IOV VFs to scale)");
        }
        return instance;
    }

    public LcmOpOcc heal(UUID id, LcmRequests.HealVnfRequest request, boolean automatic) {
        requireInstantiated(get(id), true);
        Map<String, Object> params = new HashMap<>();
        if (request != null && request.vnfcInstanceId() != null) params.put("vnfcInstanceId", request.vnfcInstanceId());
        if (request != null && request.cause() != null) params.put("cause", request.cause());
        return open(id, LcmOperation.HEAL, params, automatic);
    }

    public LcmOpOcc operate(UUID id, LcmRequests.OperateVnfRequest request) {
        requireInstantiated(get(id), true);
        Map<String, Object> params = new HashMap<>();
        params.put("changeStateTo", request.changeStateTo());
        params.put("stopType", request.stopType() == null ? "GRACEFUL" : request.stopType());
        if (request.gracefulStopTimeout() != null) params.put("gracefulStopTimeout", request.gracefulStopTimeout());
        return open(id, LcmOperation.OPERATE, params, false);
    }

    public java.util.Optional<LcmOpOcc> operation(UUID opId) { return ops.find(opId); }

    public List<LcmOpOcc> operations(UUID vnfId) { return ops.list(vnfId); }

    public LcmOpOcc scale(UUID id, String type, String aspectId, int steps, boolean automatic) {
        return scale(id, new LcmRequests.ScaleVnfRequest(type, aspectId, steps), automatic);
    }

    public LcmOpOcc heal(UUID id, List<String> vnfcIds, String cause, boolean automatic) {
        return heal(id, new LcmRequests.HealVnfRequest(vnfcIds, cause), automatic);
    }

    public List<Vnfc> vnfcs(UUID id) { return instances.vnfcs(id); }

    public void retry(UUID opId) { runner.retry(opId); }
    public void rollback(UUID opId) { runner.rollback(opId); }
    public void fail(UUID opId) { runner.fail(opId); }

    private LcmOpOcc open(UUID id, LcmOperation operation, Map<String, Object> params, boolean automatic) {
        LcmOpOcc op = ops.open(id, operation, params, automatic);
        runner.start(op);
        return op;
    }

    private static void requireInstantiated(VnfInstance instance, boolean expected) {
        if (instance.instantiated() != expected) {
            String state = instance.instantiated() ? "INSTANTIATED" : "NOT_INSTANTIATED";
            throw ApiProblem.conflict("instance-state-conflict", "VNF instance " + instance.id() + " is " + state)
                    .with("instantiationState", state);
        }
    }

    /**
     * Refuses (422, naming the field under {@code prefix}) additionalParams whose data networks or day-1 config
     * could never reach a guest: checked when the request arrives, so a bad one creates no operation.
     */
    public static void requireValidAdditionalParams(Map<String, Object> additional, String prefix) {
        try {
            GuestSetup.from(additional);
        } catch (GuestSetup.Invalid e) {
            throw unprocessable("invalid-additional-params", prefix + e.field(), prefix + e.getMessage());
        }
    }

    private static ApiProblem unprocessable(String type, String field, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, type, "Invalid request", detail).with("field", field);
    }
}
