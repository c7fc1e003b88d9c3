package dev.mano.orchestrator.nslcm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import dev.mano.orchestrator.ApiHttp;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's view of the server-sent NS operation stream: one connection, and per operation
 * the state of its first RESULT notification. An event may arrive before its client asks for it, so
 * both sides meet in one map.
 */
final class NsLcmBenchEvents implements AutoCloseable {
    private final Map<String, CompletableFuture<String>> results = new ConcurrentHashMap<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> stream;

    private NsLcmBenchEvents(CompletableFuture<HttpResponse<Stream<String>>> stream) {
        this.stream = stream;
    }

    static NsLcmBenchEvents open(int port, String bearer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/nslcm/v1/events"))
                .header("Authorization", bearer).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        NsLcmBenchEvents events = new NsLcmBenchEvents(response);
        HttpResponse<Stream<String>> r = response.get(30, TimeUnit.SECONDS);
        if (r.statusCode() != 200) throw new IllegalStateException("GET /nslcm/v1/events -> " + r.statusCode());
        Thread.ofPlatform().daemon().name("bench-events").start(() -> {
            try (Stream<String> lines = r.body()) {
                lines.filter(l -> l.startsWith("data:")).forEach(events::onData);
            } catch (RuntimeException closed) {
                // the stream ends when the benchmark closes it
            }
        });
        return events;
    }

    private void onData(String line) {
        JsonNode n = NsLcmBench.JSON.readTree(line.substring("data:".length()).strip());
        if ("RESULT".equals(n.path("notificationStatus").asString())) {
            results.computeIfAbsent(n.get("nsLcmOpOccId").asString(), k -> new CompletableFuture<>())
                    .complete(n.get("operationState").asString());
        }
    }

    /**
     * The resting state of {@code op}, as the first RESULT event tells it and one GET confirms; the
     * op occurrence is read again every second should its event be missed. "TIMEOUT" after 10 min.
     */
    String await(ApiHttp http, String bearer, String op) throws InterruptedException {
        CompletableFuture<String> result = results.computeIfAbsent(op, k -> new CompletableFuture<>());
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String announced = result.get(1, TimeUnit.SECONDS);
                String confirmed = NsLcmBench.state(http, bearer, op);
                return announced.equals(confirmed) ? confirmed : "event said " + announced + ", GET says " + confirmed;
            } catch (TimeoutException e) {
                String state = NsLcmBench.state(http, bearer, op);
                if (NsLcmBench.RESTING.contains(state)) return state;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        return "TIMEOUT";
    }

    @Override
    public void close() {
        stream.thenAccept(r -> r.body().close());
    }
}
