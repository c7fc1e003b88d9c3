package dev.mano.vnfm.monitoring;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.net.URI;
import java.util.List;

/** SOL002 VNF indicators ({@code /vnfind/v1}) and their live stream for the UI. */
@RestController
@RequestMapping("/vnfind/v1")
public class IndicatorController {

    private final VnfIndicators indicators;
    private final IndicatorStream stream;

    public IndicatorController(VnfIndicators indicators, IndicatorStream stream) {
        this.indicators = indicators;
        this.stream = stream;
    }

    @GetMapping("/indicators")
    public List<VnfIndicator> all() {
        return indicators.all();
    }

    @GetMapping("/indicators/{vnfInstanceId}")
    public List<VnfIndicator> ofVnf(@PathVariable String vnfInstanceId) {
        return indicators.of(vnfInstanceId).orElseThrow(() -> notFound(
                "VNF instance " + vnfInstanceId + " has reported no indicators"));
    }

    @GetMapping("/indicators/{vnfInstanceId}/{indicatorId}")
    public VnfIndicator one(@PathVariable String vnfInstanceId, @PathVariable String indicatorId) {
        return ofVnf(vnfInstanceId).stream().filter(i -> i.id().equals(indicatorId)).findFirst()
                .orElseThrow(() -> notFound("VNF instance " + vnfInstanceId + " has no indicator " + indicatorId));
    }

    /** Server-sent events: one {@code indicators} event per VNF each time one of its VNFCs reports. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream() {
        return stream.open();
    }

    private static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(URI.create("urn:mano:problem:not-found"));
        problem.setTitle("VNF indicators not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
