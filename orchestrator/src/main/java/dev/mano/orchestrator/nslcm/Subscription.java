package dev.mano.orchestrator.nslcm;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A subscriber: where notifications go, and which ones (empty lists match everything). */
public record Subscription(UUID id, URI callbackUri, List<UUID> nsInstanceIds, List<String> notificationTypes) {
    boolean wants(UUID nsInstanceId, String notificationType) {
        return (nsInstanceIds.isEmpty() || nsInstanceIds.contains(nsInstanceId))
                && (notificationTypes.isEmpty() || notificationTypes.contains(notificationType));
    }
}
