package dev.mano.orchestrator.nslcm;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells subscribers (SOL005 NsLcmOperationOccurrenceNotification, POSTed to their callback) and
 * open UI streams (server-sent events) about NS operation state changes. Delivery happens on its
 * own threads with retries and exponential backoff, so a slow or dead subscriber never holds up
 * an operation; a notification that still fails after the last retry is logged and dropped.
 */
@Component
public class Notifier {
    public static final String OPERATION_NOTIFICATION = "NsLcmOperationOccurrenceNotification";
    static final int ATTEMPTS = 6;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private final SubscriptionStore subscriptions;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService delivery = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().daemon().name("notify-", 0).factory());
    private final List<SseEmitter> streams = new CopyOnWriteArrayList<>();

    Notifier(SubscriptionStore subscriptions, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.json = json;
    }

    /** @param status START when the operation begins or resumes, RESULT when it reached a resting state */
    void operationChanged(NsLcmOpOcc op, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("notificationType", OPERATION_NOTIFICATION);
        body.put("timeStamp", OffsetDateTime.now().toString());
        body.put("notificationStatus", status);
        body.put("operationState", op.state().name());
        body.put("nsInstanceId", op.nsInstanceId().toString());
        body.put("nsLcmOpOccId", op.id().toString());
        body.put("operation", op.operation().name());
        body.put("isAutomaticInvocation", false);
        if (op.error() != null) body.put("error", op.error());
        body.put("_links", Map.of("nsInstance", Map.of("href", "/nslcm/v1/ns_instances/" + op.nsInstanceId()),
                "nsLcmOpOcc", Map.of("href", "/nslcm/v1/ns_lcm_op_occs/" + op.id())));
        broadcast(body);
        for (Subscription s : subscriptions.all()) {
            if (s.wants(op.nsInstanceId(), OPERATION_NOTIFICATION)) {
                Map<String, Object> forSubscriber = new LinkedHashMap<>(body);
                forSubscriber.put("subscriptionId", s.id().toString());
                deliver(s, json.writeValueAsString(forSubscriber), 1);
            }
        }
    }

    SseEmitter openStream() {
        SseEmitter emitter = new SseEmitter(0L);
        streams.add(emitter);
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(() -> streams.remove(emitter));
        emitter.onError(e -> streams.remove(emitter));
        try {
            // commits the response now, so the client sees the stream open before the first change
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            streams.remove(emitter);
        }
        return emitter;
    }

    private void broadcast(Map<String, Object> body) {
        if (streams.isEmpty()) return;
        String text = json.writeValueAsString(body); // once, not once per open stream
        for (SseEmitter emitter : streams) {
            try {
                emitter.send(SseEmitter.event().name(OPERATION_NOTIFICATION).data(text));
            } catch (IOException | IllegalStateException gone) {
                streams.remove(emitter);
            }
        }
    }

    private void deliver(Subscription s, String payload, int attempt) {
        delivery.schedule(() -> {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(s.callbackUri())
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) return;
                retry(s, payload, attempt, "HTTP " + r.statusCode());
            } catch (IOException e) {
                retry(s, payload, attempt, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, attempt == 1 ? 0 : FIRST_BACKOFF.toMillis() << (attempt - 2), TimeUnit.MILLISECONDS);
    }

    private void retry(Subscription s, String payload, int attempt, String why) {
        if (attempt >= ATTEMPTS) {
            log.warn("Dropped a notification for subscription {} ({}) after {} attempts: {}", s.id(), s.callbackUri(), attempt, why);
            return;
        }
        deliver(s, payload, attempt + 1);
    }

    /**
     * Ends the open event streams when the application starts to close, before the web server's graceful
     * shutdown: a stream never finishes by itself, so that shutdown would wait its whole timeout (30 s) for them.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        for (SseEmitter stream : streams) {
            try {
                stream.complete();
            } catch (IllegalStateException e) {
                // the client went and the web server recycled the response: that stream is closed already
            }
        }
    }

    @PreDestroy
    void stop() {
        delivery.shutdownNow();
        closeStreams();
    }
}
