package dev.mano.orchestrator.nslcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mano.orchestrator.api.ApiProblem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SOL005 {@code /nslcm/v1/subscriptions}. As SOL005 asks, the callback is tested with a GET
 * (expecting 204) before the subscription exists, so a typo is refused now instead of every
 * notification being dropped later.
 */
@RestController
@RequestMapping("/nslcm/v1/subscriptions")
class SubscriptionController {
    private final SubscriptionStore store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    SubscriptionController(SubscriptionStore store) {
        this.store = store;
    }

    record Filter(NsInstanceFilter nsInstanceSubscriptionFilter, List<String> notificationTypes) {}

    record NsInstanceFilter(List<UUID> nsInstanceIds) {}

    record Request(String callbackUri, Filter filter) {}

    record View(UUID id, Filter filter, String callbackUri, @JsonProperty("_links") Map<String, Map<String, String>> links) {
        static View of(Subscription s) {
            return new View(s.id(), new Filter(new NsInstanceFilter(s.nsInstanceIds()), s.notificationTypes()),
                    s.callbackUri().toString(), Map.of("self", Map.of("href", "/nslcm/v1/subscriptions/" + s.id())));
        }
    }

    @PostMapping
    ResponseEntity<View> subscribe(@RequestBody Request request) {
        URI callback = callback(request.callbackUri());
        List<UUID> ns = request.filter() == null || request.filter().nsInstanceSubscriptionFilter() == null
                || request.filter().nsInstanceSubscriptionFilter().nsInstanceIds() == null
                ? List.of() : request.filter().nsInstanceSubscriptionFilter().nsInstanceIds();
        List<String> types = request.filter() == null || request.filter().notificationTypes() == null
                ? List.of() : request.filter().notificationTypes();
        for (String t : types) {
            if (!Notifier.OPERATION_NOTIFICATION.equals(t)) {
                throw invalid("filter.notificationTypes", "unsupported notification type " + t + "; supported: " + Notifier.OPERATION_NOTIFICATION);
            }
        }
        testCallback(callback);
        Subscription s = new Subscription(UUID.randomUUID(), callback, ns, types);
        store.insert(s);
        return ResponseEntity.created(URI.create("/nslcm/v1/subscriptions/" + s.id())).body(View.of(s));
    }

    @GetMapping
    List<View> list() {
        return store.all().stream().map(View::of).toList();
    }

    @GetMapping("/{id}")
    View get(@PathVariable UUID id) {
        return View.of(store.find(id).orElseThrow(() -> ApiProblem.notFound("subscription", id)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!store.delete(id)) throw ApiProblem.notFound("subscription", id);
        return ResponseEntity.noContent().build();
    }

    private static URI callback(String text) {
        try {
            URI uri = URI.create(text == null ? "" : text);
            if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw invalid("callbackUri", "callbackUri must be an absolute http(s) URI, not '" + text + "'");
    }

    private void testCallback(URI callback) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(callback).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 204) {
                throw invalid("callbackUri", "the callback answered the test GET with " + r.statusCode() + ", expected 204");
            }
        } catch (IOException e) {
            throw invalid("callbackUri", "the callback did not answer the test GET: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw invalid("callbackUri", "interrupted while testing the callback");
        }
    }

    private static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-subscription", "Invalid subscription", detail).with("field", field);
    }
}
