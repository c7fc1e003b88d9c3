package dev.mano.orchestrator.catalog;

/** What was uploaded: a SOL004 CSAR zip, or a bare SOL001 YAML VNFD. */
public enum ContentKind { CSAR, YAML }
