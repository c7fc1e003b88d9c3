package dev.mano.orchestrator.catalog;

/** SOL005 PackageOnboardingStateType. */
public enum OnboardingState { CREATED, UPLOADING, PROCESSING, ONBOARDED, ERROR }
