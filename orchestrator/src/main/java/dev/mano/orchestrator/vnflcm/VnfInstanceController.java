package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.hosts.HostService;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** SOL003 {@code /vnflcm/v1/vnf_instances}: create, read, delete, and the lifecycle tasks (202 + op occurrence). */
@RestController
@RequestMapping("/vnflcm/v1/vnf_instances")
class VnfInstanceController {
    private final VnfLifecycle lifecycle;
    private final VnfInstanceStore instances;
    private final HostService hosts;

    VnfInstanceController(VnfLifecycle lifecycle, VnfInstanceStore instances, HostService hosts) {
        this.lifecycle = lifecycle;
        this.instances = instances;
        this.hosts = hosts;
    }

    @PostMapping
    ResponseEntity<VnfInstanceView> create(@Valid @RequestBody LcmRequests.CreateVnfRequest request) {
        VnfInstance created = lifecycle.create(request.vnfdId(), request.vnfInstanceName(), request.vnfInstanceDescription(), null);
        return ResponseEntity.created(URI.create("/vnflcm/v1/vnf_instances/" + created.id())).body(view(created));
    }

    @GetMapping
    List<VnfInstanceView> list() {
        return instances.list().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    VnfInstanceView get(@PathVariable UUID id) {
        return view(lifecycle.get(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        lifecycle.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/instantiate")
    ResponseEntity<LcmOpOccView> instantiate(@PathVariable UUID id, @Valid @RequestBody LcmRequests.InstantiateVnfRequest request) {
        return accepted(lifecycle.instantiate(id, request, false));
    }

    @PostMapping("/{id}/terminate")
    ResponseEntity<LcmOpOccView> terminate(@PathVariable UUID id,
                                           @Valid @RequestBody(required = false) LcmRequests.TerminateVnfRequest request) {
        return accepted(lifecycle.terminate(id, request));
    }

    @PostMapping("/{id}/scale")
    ResponseEntity<LcmOpOccView> scale(@PathVariable UUID id, @Valid @RequestBody LcmRequests.ScaleVnfRequest request) {
        return accepted(lifecycle.scale(id, request, false));
    }

    @PostMapping("/{id}/heal")
    ResponseEntity<LcmOpOccView> heal(@PathVariable UUID id, @Valid @RequestBody(required = false) LcmRequests.HealVnfRequest request) {
        return accepted(lifecycle.heal(id, request, false));
    }

    @PostMapping("/{id}/operate")
    ResponseEntity<LcmOpOccView> operate(@PathVariable UUID id, @Valid @RequestBody LcmRequests.OperateVnfRequest request) {
        return accepted(lifecycle.operate(id, request));
    }

    /** SOL003: 202 with the op occurrence's URI in Location; the body is ours (SOL003 has none). */
    static ResponseEntity<LcmOpOccView> accepted(LcmOpOcc op) {
        return ResponseEntity.accepted().location(URI.create("/vnflcm/v1/vnf_lcm_op_occs/" + op.id())).body(LcmOpOccView.of(op));
    }

    private VnfInstanceView view(VnfInstance v) {
        List<Vnfc> vnfcs = instances.vnfcs(v.id());
        Map<UUID, String> names = new HashMap<>();
        for (Vnfc c : vnfcs) {
            names.computeIfAbsent(c.hostId(), h -> hosts.ref(h).name());
        }
        return VnfInstanceView.of(v, vnfcs, names);
    }
}
