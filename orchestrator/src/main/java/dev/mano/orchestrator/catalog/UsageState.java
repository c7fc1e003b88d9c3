package dev.mano.orchestrator.catalog;

/** SOL005 PackageUsageStateType: IN_USE while any VNF instance was made from the package. */
public enum UsageState { IN_USE, NOT_IN_USE }
