package dev.mano.orchestrator.nslcm;

import java.util.UUID;

/** A VNF instance of an NS, at its place in the chain. */
public record NsMember(int position, String memberNode, UUID vnfInstanceId) {}
