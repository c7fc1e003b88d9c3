package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SOL003 {@code /vnflcm/v1/vnf_lcm_op_occs}: read, and retry / rollback / fail a FAILED_TEMP operation. */
@RestController
@RequestMapping("/vnflcm/v1/vnf_lcm_op_occs")
class LcmOpOccController {
    private final LcmOpOccStore ops;
    private final VnfLifecycle lifecycle;

    LcmOpOccController(LcmOpOccStore ops, VnfLifecycle lifecycle) {
        this.ops = ops;
        this.lifecycle = lifecycle;
    }

    @GetMapping
    List<LcmOpOccView> list(@RequestParam(required = false) UUID vnfInstanceId) {
        return ops.list(vnfInstanceId).stream().map(LcmOpOccView::of).toList();
    }

    @GetMapping("/{id}")
    LcmOpOccView get(@PathVariable UUID id) {
        return LcmOpOccView.of(find(id));
    }

    @PostMapping("/{id}/retry")
    ResponseEntity<LcmOpOccView> retry(@PathVariable UUID id) {
        lifecycle.retry(id);
        return ResponseEntity.accepted().body(LcmOpOccView.of(find(id)));
    }

    @PostMapping("/{id}/rollback")
    ResponseEntity<LcmOpOccView> rollback(@PathVariable UUID id) {
        lifecycle.rollback(id);
        return ResponseEntity.accepted().body(LcmOpOccView.of(find(id)));
    }

    @PostMapping("/{id}/fail")
    LcmOpOccView fail(@PathVariable UUID id) {
        lifecycle.fail(id);
        return LcmOpOccView.of(find(id));
    }

    private LcmOpOcc find(UUID id) {
        return ops.find(id).orElseThrow(() -> ApiProblem.notFound("VNF LCM operation occurrence", id));
    }
}
