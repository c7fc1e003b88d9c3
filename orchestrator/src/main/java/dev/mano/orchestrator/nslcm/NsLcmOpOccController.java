package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.api.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** SOL005 {@code /nslcm/v1/ns_lcm_op_occs}, and a server-sent event stream of their changes for the UI. */
@RestController
@RequestMapping("/nslcm/v1")
class NsLcmOpOccController {
    private final NsLcmOpOccStore ops;
    private final NsLifecycle lifecycle;
    private final NsViews views;
    private final Notifier notifier;

    NsLcmOpOccController(NsLcmOpOccStore ops, NsLifecycle lifecycle, NsViews views, Notifier notifier) {
        this.ops = ops;
        this.lifecycle = lifecycle;
        this.views = views;
        this.notifier = notifier;
    }

    @GetMapping("/ns_lcm_op_occs")
    List<NsViews.NsLcmOpOccView> list(@RequestParam(required = false) UUID nsInstanceId) {
        return ops.list(nsInstanceId).stream().map(views::operation).toList();
    }

    @GetMapping("/ns_lcm_op_occs/{id}")
    NsViews.NsLcmOpOccView get(@PathVariable UUID id) {
        return views.operation(find(id));
    }

    @PostMapping("/ns_lcm_op_occs/{id}/retry")
    ResponseEntity<NsViews.NsLcmOpOccView> retry(@PathVariable UUID id) {
        lifecycle.retry(id);
        return ResponseEntity.accepted().body(views.operation(find(id)));
    }

    @PostMapping("/ns_lcm_op_occs/{id}/rollback")
    ResponseEntity<NsViews.NsLcmOpOccView> rollback(@PathVariable UUID id) {
        lifecycle.rollback(id);
        return ResponseEntity.accepted().body(views.operation(find(id)));
    }

    @PostMapping("/ns_lcm_op_occs/{id}/fail")
    NsViews.NsLcmOpOccView fail(@PathVariable UUID id) {
        lifecycle.fail(id);
        return views.operation(find(id));
    }

    /** Cancelling a running operation is not supported: SOL005 lets an NFVO refuse it with 409. */
    @PostMapping("/ns_lcm_op_occs/{id}/cancel")
    ResponseEntity<Void> cancel(@PathVariable UUID id) {
        NsLcmOpOcc op = find(id);
        throw ApiProblem.conflict("cancel-not-supported", "operation " + id + " (" + op.state()
                + ") cannot be cancelled; wait for it, then roll it back if it failed");
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return notifier.openStream();
    }

    private NsLcmOpOcc find(UUID id) {
        return ops.find(id).orElseThrow(() -> ApiProblem.notFound("NS LCM operation occurrence", id));
    }
}
