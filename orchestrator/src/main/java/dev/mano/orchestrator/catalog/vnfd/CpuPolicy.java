package dev.mano.orchestrator.catalog.vnfd;

/** Whether each vCPU gets a host CPU of its own (needed by poll-mode drivers) or floats. */
public enum CpuPolicy { DEDICATED, SHARED }
