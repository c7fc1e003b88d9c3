package dev.mano.orchestrator.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** SOL005 VnfPkgInfoModifications: the PATCH body, and its response. userDefinedData is a JSON merge patch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VnfPkgInfoModifications(OperationalState operationalState, Map<String, Object> userDefinedData) {}
