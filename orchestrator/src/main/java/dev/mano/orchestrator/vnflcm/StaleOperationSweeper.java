package dev.mano.orchestrator.vnflcm;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Crash safety: an operation whose replica died (kill -9, power loss) stops heartbeating; after
 * {@code mano.vnflcm.stale-after} it is moved to FAILED_TEMP so a person can retry or roll it
 * back, instead of it sitting in PROCESSING forever. Runs on every replica; the state change is
 * compare-and-set, so only one acts.
 */
@Component
class StaleOperationSweeper {
    private static final Logger log = LoggerFactory.getLogger(StaleOperationSweeper.class);
    private final LcmOpOccStore ops;
    private final VnfLcmProperties props;

    StaleOperationSweeper(LcmOpOccStore ops, VnfLcmProperties props) {
        this.ops = ops;
        this.props = props;
    }

    @Scheduled(initialDelay = 1000, fixedDelayString = "${mano.vnflcm.sweep-every:5s}")
    void sweep() {
        List<UUID> orphaned = ops.orphaned(props.staleAfter());
        for (UUID id : orphaned) {
            ops.find(id).ifPresent(op -> {
                if (op.state().running()) {
                    ops.fail(id, op.state(), OperationState.FAILED_TEMP, Map.of(
                            "type", "urn:mano:problem:operation-orphaned",
                            "title", "The orchestrator running this operation stopped",
                            "status", 503,
                            "detail", "no heartbeat for " + props.staleAfter().toSeconds() + " s while '" + op.progressDetail()
                                    + "'; retry to finish it or roll back to undo it"));
                    log.warn("Operation {} ({} of VNF {}) was orphaned at '{}': now FAILED_TEMP", id, op.operation(),
                            op.vnfInstanceId(), op.progressDetail());
                }
            });
        }
    }
}
