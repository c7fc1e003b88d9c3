package dev.mano.orchestrator.reconcile;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the reconciler did (newest first), and a pass on demand (ADMIN, like every /vim change). */
@RestController
@RequestMapping("/vim/v1/reconciler")
class ReconcilerController {
    private final Reconciler reconciler;
    private final ReconcileLog log;

    ReconcilerController(Reconciler reconciler, ReconcileLog log) {
        this.reconciler = reconciler;
        this.log = log;
    }

    @GetMapping("/actions")
    List<ReconcileAction> actions(@RequestParam(defaultValue = "100") int limit) {
        return log.latest(Math.max(1, Math.min(limit, 1000)));
    }

    /** Runs one pass now and returns what it did; 409 while another replica is reconciling. */
    @PostMapping("/runs")
    List<ReconcileAction> run() {
        return reconciler.reconcileOnce().orElseThrow(() -> dev.mano.orchestrator.api.ApiProblem.conflict(
                "reconciler-busy", "A reconciler pass is running (here or on another replica); try again shortly"));
    }
}
