package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.catalog.vnfd.ConnectionPoint;
import dev.mano.orchestrator.catalog.vnfd.InstantiationLevel;
import dev.mano.orchestrator.catalog.vnfd.InterfaceType;
import dev.mano.orchestrator.catalog.vnfd.Vdu;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.placement.ThreadPolicy;
import dev.mano.orchestrator.placement.VnfcNeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What a VNFD asks of hosts, in placement's terms: the one translation from descriptor to ledger. */
public final class VnfcRequirements {
    private VnfcRequirements() {}

    /** One VNFC to create: of which VDU. */
    public record NewVnfc(UUID id, Vdu vdu) {}

    /** The VNFCs of an instantiation level (the flavour's default when {@code levelId} is null), VDU by VDU. */
    public static List<NewVnfc> atLevel(Vnfd vnfd, String levelId) {
        String id = levelId != null ? levelId : vnfd.flavour().defaultInstantiationLevel();
        InstantiationLevel level = id == null ? null : vnfd.flavour().instantiationLevel(id).orElse(null);
        List<NewVnfc> vnfcs = new ArrayList<>();
        for (Vdu vdu : vnfd.vdus()) {
            int count = level == null ? vdu.minInstances() : level.vduInstances().getOrDefault(vdu.id(), vdu.minInstances());
            for (int i = 0; i < count; i++) {
                vnfcs.add(new NewVnfc(UUID.randomUUID(), vdu));
            }
        }
        return vnfcs;
    }

    public static VnfcNeeds needs(String instanceName, Vnfd vnfd, NewVnfc c) {
        var compute = c.vdu().compute();
        Map<String, Integer> vfs = new TreeMap<>();
        int vhostUser = 0;
        for (ConnectionPoint cp : vnfd.connectionPointsOf(c.vdu().id())) {
            if (cp.interfaceType() == InterfaceType.SRIOV_VF) {
                vfs.merge(cp.physicalNetwork().orElse("default"), 1, Integer::sum);
            } else if (cp.interfaceType() == InterfaceType.VHOST_USER) {
                vhostUser++;
            }
        }
        ThreadPolicy policy = compute.threadPolicy().map(p -> ThreadPolicy.valueOf(p.name())).orElse(ThreadPolicy.PREFER);
        return new VnfcNeeds(c.id(), instanceName + "/" + c.vdu().id(), compute.vcpus(), compute.pmdLcores(), policy,
                compute.memoryBytes() >> 20, compute.pageSize().kibibytes(), compute.numaNodes(), vfs, vhostUser, null);
    }
}
