package dev.mano.orchestrator.catalog.vnfd;

import java.time.Duration;

/** A VDU monitoring_parameters entry: a metric the VNFM collects from each VNFC. */
public record MonitoringParameter(String id, String name, String performanceMetric, Duration collectionPeriod) {}
