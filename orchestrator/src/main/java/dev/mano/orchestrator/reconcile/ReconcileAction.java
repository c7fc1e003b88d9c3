package dev.mano.orchestrator.reconcile;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One thing the reconciler saw or did, as {@code GET /vim/v1/reconciler/actions} shows it. */
public record ReconcileAction(long id, OffsetDateTime at, UUID hostId, String hostName, Kind kind, String subject,
                              String detail) {
    public enum Kind {
        /** A domain carries our metadata but no VNFC row names it; removed after the grace period. */
        ORPHAN_DOMAIN_SEEN,
        ORPHAN_DOMAIN_REMOVED,
        /** A VNFC's domain is gone from its host: the VNFC is marked FAILED for the VNFM to heal. */
        VNFC_DOMAIN_MISSING,
        /** A placement whose VNFCs never appeared (or are gone): its resources are given back. */
        ORPHAN_PLACEMENT_RELEASED,
        /** The host could not be read this pass; nothing on it was changed. */
        HOST_SKIPPED
    }
}
