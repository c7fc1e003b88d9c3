package dev.mano.orchestrator.vnflcm;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/** SOL003 request bodies (the fields this VNFM uses). */
public final class LcmRequests {
    private LcmRequests() {}

    public record CreateVnfRequest(@NotBlank String vnfdId, String vnfInstanceName, String vnfInstanceDescription) {}

    /**
     * @param additionalParams {@code strategy}: PACK | SPREAD placement; {@code config}: day-1
     *                         configuration pushed to the VNF's agent
     */
    public record InstantiateVnfRequest(@NotBlank String flavourId, String instantiationLevelId,
                                 Map<String, Object> additionalParams) {}

    public record TerminateVnfRequest(@Pattern(regexp = "FORCEFUL|GRACEFUL") String terminationType,
                               @Min(0) Integer gracefulTerminationTimeout) {}

    public record ScaleVnfRequest(@NotNull @Pattern(regexp = "SCALE_OUT|SCALE_IN") String type, @NotBlank String aspectId,
                           @Min(1) Integer numberOfSteps) {}

    public record HealVnfRequest(List<String> vnfcInstanceId, String cause) {}

    public record OperateVnfRequest(@NotNull @Pattern(regexp = "STARTED|STOPPED") String changeStateTo,
                             @Pattern(regexp = "FORCEFUL|GRACEFUL") String stopType, @Min(0) Integer gracefulStopTimeout) {}
}
