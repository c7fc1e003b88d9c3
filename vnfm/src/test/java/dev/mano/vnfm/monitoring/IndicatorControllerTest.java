package dev.mano.vnfm.monitoring;

import dev.mano.vnfm.VnfcRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The SOL002 endpoints, the SSE stream and the Micrometer gauges over one real store. */
class IndicatorControllerTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    private static final VnfcRef A = new VnfcRef("vnf-1", "a");
    private static final VnfcRef B = new VnfcRef("vnf-1", "b");

    private MetricsStore store;
    private SimpleMeterRegistry registry;
    private IndicatorMeters meters;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        store = new MetricsStore(Duration.ofMinutes(1));
        registry = new SimpleMeterRegistry();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("registry", registry);
        meters = new IndicatorMeters(beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class), store);
        VnfIndicators indicators = new VnfIndicators(store);
        IndicatorStream stream = new IndicatorStream(store, indicators);
        mvc = MockMvcBuilders.standaloneSetup(new IndicatorController(indicators, stream))
                .setControllerAdvice(new ProblemAdvice()).build();
    }

    private void report() {
        store.record(A, new VnfcSample(T0, 2, 0.9, 0.6, 1_000_000, 990_000, 1_010_000, 10_000, Map.of("flows", 5L)));
        store.record(B, new VnfcSample(T0, 2, 0.3, 0.3, 500_000, 500_000, 500_000, 0, Map.of("flows", 7L)));
    }

    @Test
    void listsEachVnfsIndicatorsInSol002Shape() throws Exception {
        report();
        mvc.perform(get("/vnfind/v1/indicators/vnf-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id=='busy_ratio_max')].value").value(0.9))
                .andExpect(jsonPath("$[?(@.id=='busy_ratio_mean')].value").value(0.6))
                .andExpect(jsonPath("$[?(@.id=='rx_pps')].value").value(1_500_000))
                .andExpect(jsonPath("$[?(@.id=='drop_rate')].value").value(0.0066))
                .andExpect(jsonPath("$[?(@.id=='vnfc_count')].value").value(2))
                .andExpect(jsonPath("$[?(@.id=='counter.flows')].value").value(12))
                .andExpect(jsonPath("$[0].vnfInstanceId").value("vnf-1"))
                .andExpect(jsonPath("$[0]._links.self.href").value("/vnfind/v1/indicators/vnf-1/busy_ratio_max"))
                .andExpect(jsonPath("$[0]._links.vnfInstance.href").value("/vnflcm/v1/vnf_instances/vnf-1"));
        mvc.perform(get("/vnfind/v1/indicators")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(7));
        mvc.perform(get("/vnfind/v1/indicators/vnf-1/tx_pps")).andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(1_490_000));
    }

    @Test
    void anUnknownVnfIsAProblem404() throws Exception {
        mvc.perform(get("/vnfind/v1/indicators/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:mano:problem:not-found"))
                .andExpect(jsonPath("$.detail").value("VNF instance nope has reported no indicators"));
        report();
        mvc.perform(get("/vnfind/v1/indicators/vnf-1/nope")).andExpect(status().isNotFound());
    }

    @Test
    void streamsIndicatorsAsServerSentEvents() throws Exception {
        MvcResult result = mvc.perform(get("/vnfind/v1/stream")).andExpect(request().asyncStarted()).andReturn();
        report();
        // events are sent off the recording thread: wait for the second VNFC's
        long deadline = System.nanoTime() + 10_000_000_000L;
        String body = result.getResponse().getContentAsString();
        while (!body.contains("\"vnfcId\":\"b\"") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            body = result.getResponse().getContentAsString();
        }
        assertTrue(body.contains("event:indicators"), body);
        assertTrue(body.contains("\"vnfInstanceId\":\"vnf-1\""), body);
        assertTrue(body.contains("\"vnfcId\":\"b\""), body);
        assertTrue(body.contains("\"id\":\"busy_ratio_max\""), body);
    }

    @Test
    void publishesGaugesPerVnfcAndRemovesThem() {
        report();
        assertEquals(0.9, registry.get("mano.vnfc.busy.ratio.max").tag("vnfc_id", "a").gauge().value());
        assertEquals(500_000, registry.get("mano.vnfc.rx.pps").tag("vnfc_id", "b").gauge().value());
        assertEquals(10_000 / 1_010_000.0, registry.get("mano.vnfc.drop.rate").tag("vnfc_id", "a").gauge().value(), 1e-12);
        meters.remove(A);
        assertTrue(registry.find("mano.vnfc.busy.ratio.max").tag("vnfc_id", "a").gauges().isEmpty());
    }
}
