package dev.mano.vnfm.monitoring;

import dev.mano.vnfm.VnfcRef;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gauges as Prometheus scrapes them from the orchestrator's /actuator/prometheus. */
class PrometheusExportTest {

    @Test
    void exportsEachVnfcsGaugesWithItsLabels() {
        MetricsStore store = new MetricsStore(Duration.ofMinutes(1));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("registry", registry);
        new IndicatorMeters(beans.getBeanProvider(MeterRegistry.class), store);
        store.record(new VnfcRef("vnf-1", "a"), new VnfcSample(Instant.parse("2026-11-26T12:00:00Z"), 2, 0.9, 0.6,
                1_000_000, 990_000, 1_010_000, 10_000, Map.of()));
        String text = registry.scrape();
        assertTrue(text.contains("mano_vnfc_busy_ratio_max{vnf_instance_id=\"vnf-1\",vnfc_id=\"a\"} 0.9"), text);
        assertTrue(text.contains("mano_vnfc_rx_pps{vnf_instance_id=\"vnf-1\",vnfc_id=\"a\"} 1000000.0"), text);
        assertTrue(text.contains("# HELP mano_vnfc_drop_rate Dropped / offered packets"), text);
    }
}
