package dev.mano.orchestrator.nslcm;

/** SOL005 NsLcmOpType (the subset this NFVO performs). */
public enum NsOperation { INSTANTIATE, SCALE, HEAL, TERMINATE }
