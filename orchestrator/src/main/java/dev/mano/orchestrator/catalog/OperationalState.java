package dev.mano.orchestrator.catalog;

/** SOL005 PackageOperationalStateType: only ENABLED packages can be instantiated. */
public enum OperationalState { ENABLED, DISABLED }
