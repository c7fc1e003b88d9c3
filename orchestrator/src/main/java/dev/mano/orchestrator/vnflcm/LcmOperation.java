package dev.mano.orchestrator.vnflcm;

/** SOL003 LcmOperationType (the subset this VNFM performs). */
public enum LcmOperation { INSTANTIATE, SCALE, HEAL, OPERATE, TERMINATE }
