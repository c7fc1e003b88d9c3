package dev.mano.vnfm;

import java.util.Objects;

/**
 * One VNFC (one VM or process running the runtime and its agent) of a VNF instance.
 * Agents, heartbeats and samples are per VNFC; SOL002 indicators and scaling are per VNF.
 */
public record VnfcRef(String vnfInstanceId, String vnfcId) {
    public VnfcRef {
        Objects.requireNonNull(vnfInstanceId, "vnfInstanceId");
        Objects.requireNonNull(vnfcId, "vnfcId");
    }

    @Override
    public String toString() {
        return vnfInstanceId + "/" + vnfcId;
    }
}
