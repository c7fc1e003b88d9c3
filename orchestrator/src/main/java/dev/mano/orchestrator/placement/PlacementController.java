package dev.mano.orchestrator.placement;

import dev.mano.orchestrator.api.ApiProblem;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Plan + commit in one call, look up, release. A request that does not fit gets 409 with a reason per host. */
@RestController
@RequestMapping("/vim/v1/placements")
class PlacementController {
    private final PlacementService placements;

    PlacementController(PlacementService placements) {
        this.placements = placements;
    }

    @PostMapping
    ResponseEntity<PlacementPlan> place(@RequestBody PlacementRequest request) {
        List<String> errors = PlacementService.validate(request);
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("invalid-placement-request", String.join("; ", errors)).with("errors", errors);
        }
        return switch (placements.place(request)) {
            case PlanOutcome.Planned p ->
                    ResponseEntity.created(URI.create("/vim/v1/placements/" + p.plan().id())).body(p.plan());
            case PlanOutcome.Rejected r -> throw ApiProblem.conflict(
                            r.neverFits() ? "placement-never-fits" : "placement-no-fit",
                            (r.neverFits()
                                    ? "No registered host could hold '" + r.vnfcName() + "' even when empty"
                                    : "No host has room for '" + r.vnfcName() + "' now")
                                    + "; nothing was allocated. " + r.reasons().getFirst())
                    .with("vnfc", r.vnfcName())
                    .with("neverFits", r.neverFits())
                    .with("reasons", r.reasons());
        };
    }

    @GetMapping("/{id}")
    PlacementPlan get(@PathVariable UUID id) {
        return placements.find(id).orElseThrow(() -> ApiProblem.notFound("Placement", id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> release(@PathVariable UUID id) {
        if (!placements.release(id)) {
            throw ApiProblem.notFound("Placement", id);
        }
        return ResponseEntity.noContent().build();
    }
}
