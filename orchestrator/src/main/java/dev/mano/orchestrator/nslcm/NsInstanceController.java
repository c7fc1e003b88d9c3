package dev.mano.orchestrator.nslcm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** SOL005 {@code /nslcm/v1/ns_instances}. */
@RestController
@RequestMapping("/nslcm/v1/ns_instances")
class NsInstanceController {
    private final NsLifecycle lifecycle;
    private final NsInstanceStore instances;
    private final NsViews views;

    NsInstanceController(NsLifecycle lifecycle, NsInstanceStore instances, NsViews views) {
        this.lifecycle = lifecycle;
        this.instances = instances;
        this.views = views;
    }

    record CreateNsRequest(@NotBlank String nsdId, String nsName, String nsDescription) {}

    /** {@code Idempotency-Key}: a client's request id; repeating it returns the instance it created (200, not 201). */
    @PostMapping
    ResponseEntity<NsViews.NsInstanceView> create(@Valid @RequestBody CreateNsRequest request,
                                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        NsLifecycle.Created created = lifecycle.create(request.nsdId(), request.nsName(), request.nsDescription(), key);
        URI location = URI.create("/nslcm/v1/ns_instances/" + created.instance().id());
        var body = views.instance(created.instance());
        return created.replayed() ? ResponseEntity.ok().location(location).body(body) : ResponseEntity.created(location).body(body);
    }

    @GetMapping
    List<NsViews.NsInstanceView> list() {
        return instances.list().stream().map(views::instance).toList();
    }

    @GetMapping("/{id}")
    NsViews.NsInstanceView get(@PathVariable UUID id) {
        return views.instance(lifecycle.get(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        lifecycle.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/instantiate")
    ResponseEntity<NsViews.NsLcmOpOccView> instantiate(@PathVariable UUID id, @RequestBody(required = false) Map<String, Object> body) {
        return accepted(lifecycle.instantiate(id, body));
    }

    @PostMapping("/{id}/terminate")
    ResponseEntity<NsViews.NsLcmOpOccView> terminate(@PathVariable UUID id) {
        return accepted(lifecycle.terminate(id));
    }

    @PostMapping("/{id}/scale")
    ResponseEntity<NsViews.NsLcmOpOccView> scale(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        return accepted(lifecycle.scale(id, body));
    }

    @PostMapping("/{id}/heal")
    ResponseEntity<NsViews.NsLcmOpOccView> heal(@PathVariable UUID id, @RequestBody(required = false) Map<String, Object> body) {
        return accepted(lifecycle.heal(id, body));
    }

    private ResponseEntity<NsViews.NsLcmOpOccView> accepted(NsLcmOpOcc op) {
        return ResponseEntity.accepted().location(URI.create("/nslcm/v1/ns_lcm_op_occs/" + op.id())).body(views.operation(op));
    }
}
