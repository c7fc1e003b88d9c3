package dev.mano.orchestrator.reconcile;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** A reconciler pass shortly after start and every {@code mano.vim.reconcile-interval}. */
@Component
class ReconcilerSchedule {
    private final Reconciler reconciler;

    ReconcilerSchedule(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Scheduled(initialDelayString = "${mano.vim.reconcile-initial-delay:PT30S}",
            fixedDelayString = "${mano.vim.reconcile-interval:PT1M}")
    void pass() {
        reconciler.reconcileOnce();
    }
}
