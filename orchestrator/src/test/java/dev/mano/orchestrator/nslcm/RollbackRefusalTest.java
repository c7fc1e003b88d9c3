package dev.mano.orchestrator.nslcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mano.orchestrator.vnflcm.OperationState;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which NS operations refuse a rollback up front, before their state (and error) would change. */
class RollbackRefusalTest {
    @Test
    void terminateAndScaleInRefuseInstantiateHealAndScaleOutDoNot() {
        assertThat(NsWork.rollbackRefusal(op(NsOperation.TERMINATE, Map.of()))).get().asString().contains("retry");
        assertThat(NsWork.rollbackRefusal(op(NsOperation.SCALE, scale("SCALE_OUT", "SCALE_IN")))).get().asString().contains("scales a member in");
        assertThat(NsWork.rollbackRefusal(op(NsOperation.SCALE, scale("SCALE_OUT", "SCALE_OUT")))).isEmpty();
        assertThat(NsWork.rollbackRefusal(op(NsOperation.INSTANTIATE, Map.of()))).isEmpty();
        assertThat(NsWork.rollbackRefusal(op(NsOperation.HEAL, Map.of()))).isEmpty();
    }

    private static Map<String, Object> scale(String... types) {
        return Map.of("scaleVnfData", List.of(types).stream()
                .map(t -> Map.of("vnfInstanceId", UUID.randomUUID().toString(), "scaleVnfType", t)).toList());
    }

    private static NsLcmOpOcc op(NsOperation operation, Map<String, Object> params) {
        OffsetDateTime now = OffsetDateTime.now();
        return new NsLcmOpOcc(UUID.randomUUID(), UUID.randomUUID(), operation, OperationState.FAILED_TEMP, now, now, params, "", Map.of());
    }
}
