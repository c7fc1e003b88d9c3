package dev.mano.vnfm.monitoring;

import jakarta.annotation.PreDestroy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Pushes a VNF's indicators to every open SSE stream when one of its VNFCs reports.
 * Bounded: each stream costs a servlet async context, so past {@link #MAX_STREAMS} a new
 * one is refused (503) rather than letting dashboards exhaust the server.
 */
@Component
public class IndicatorStream {

    static final int MAX_STREAMS = 64;
    /** Browsers reconnect on their own (EventSource); a timeout bounds a half-dead client's lifetime. */
    private static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();
    private final VnfIndicators indicators;
    /**
     * Sends happen here, not on the agent thread that recorded the sample: a slow browser would
     * otherwise hold up that VNFC's heartbeats until the healing policy thought it dead. When
     * the stream falls behind, the oldest pending updates are dropped — the next one carries
     * the current figures anyway.
     */
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(256), r -> {
                Thread t = new Thread(r, "vnfind-stream");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());

    public record IndicatorEvent(String vnfInstanceId, String vnfcId, List<VnfIndicator> indicators) {
    }

    public IndicatorStream(MetricsStore store, VnfIndicators indicators) {
        this.indicators = indicators;
        store.subscribe(recorded -> {
            if (!emitters.isEmpty()) {
                sender.execute(() -> publish(recorded.vnfc().vnfInstanceId(), recorded.vnfc().vnfcId()));
            }
        });
    }

    SseEmitter open() {
        if (emitters.size() >= MAX_STREAMS) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Too many open indicator streams (" + MAX_STREAMS + ")");
            problem.setType(URI.create("urn:mano:problem:too-many-streams"));
            problem.setTitle("Too many streams");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        }
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        try {
            // commits the response now, so a client sees the stream open before the first heartbeat
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            emitters.remove(emitter);
        }
        return emitter;
    }

    /**
     * Ends the open streams when the application starts to close, before the web server's graceful shutdown:
     * a stream never finishes by itself, so that shutdown would wait its whole timeout (30 s) for them.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyDone) {
                // the container finished it first
            }
        }
        emitters.clear();
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
        closeStreams();
    }

    int openStreams() {
        return emitters.size();
    }

    private void publish(String vnfInstanceId, String vnfcId) {
        if (emitters.isEmpty()) {
            return;
        }
        List<VnfIndicator> current = indicators.of(vnfInstanceId).orElse(List.of());
        IndicatorEvent event = new IndicatorEvent(vnfInstanceId, vnfcId, current);
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name("indicators").data(event));
            } catch (IOException | IllegalStateException e) {
                // the client went away; the container completes the emitter, drop it now
                emitters.remove(emitter);
            }
        }
    }
}
