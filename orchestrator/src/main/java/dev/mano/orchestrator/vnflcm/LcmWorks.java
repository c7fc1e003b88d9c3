package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.orchestrator.placement.PlacementService;
import dev.mano.orchestrator.placement.VnfcPlacement;
import dev.mano.vim.VimException;
import dev.mano.vim.lifecycle.DomainLifecycle;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the operations share, and the one place that picks the work for an operation. */
@Component
class LcmWorks {
    private final VnfInstanceStore instances;
    private final PackageLookup packages;
    private final VnfcDeployer deployer;
    private final AgentGate agents;
    private final HostService hosts;
    private final LibvirtHosts libvirt;
    private final PlacementService placement;
    private final DomainSpecs specs;
    private final VnfLcmProperties props;
    private final LcmOpOccStore ops;

    LcmWorks(VnfInstanceStore instances, PackageLookup packages, VnfcDeployer deployer, AgentGate agents,
             HostService hosts, LibvirtHosts libvirt, PlacementService placement, DomainSpecs specs, VnfLcmProperties props,
             LcmOpOccStore ops) {
        this.ops = ops;
        this.instances = instances;
        this.packages = packages;
        this.deployer = deployer;
        this.agents = agents;
        this.hosts = hosts;
        this.libvirt = libvirt;
        this.placement = placement;
        this.specs = specs;
        this.props = props;
    }

    LcmWork forOperation(LcmOperation operation) {
        return switch (operation) {
            case INSTANTIATE -> new InstantiateWork(this);
            case TERMINATE -> new TerminateWork(this);
            case SCALE -> new ScaleWork(this);
            case HEAL -> new HealWork(this);
            case OPERATE -> new OperateWork(this);
        };
    }

    VnfInstance instance(UUID id) {
        return instances.find(id).orElseThrow(() -> ApiProblem.notFound("VNF instance", id));
    }

    /** Defines a VNFC's domain again from its committed placement (the domain vanished). */
    void redefine(VnfInstance instance, Vnfc vnfc, HostRef host, DomainLifecycle domains) throws VimException {
        VnfcPlacement placed = placement.find(vnfc.placementId()).orElseThrow(() -> new OperationFailure(409, "placement-missing",
                        "The VNFC's resources are gone", "placement " + vnfc.placementId() + " of " + vnfc.domainName()
                        + " no longer exists; terminate and instantiate again"))
                .vnfcs().stream().filter(p -> p.vnfcId().equals(vnfc.id())).findFirst().orElseThrow();
        var vnfd = packages.vnfd(instance.vnfPkgId());
        var vdu = vnfd.vdu(vnfc.vduId()).orElseThrow();
        domains.define(specs.build(vnfc.domainName(), instance.id(), instance.nsInstanceId(), vnfd, vdu, placed, host.kvm(),
                guestSetup(instance.id())));
    }

    /** The networks and day-1 config the instance was instantiated with, for VNFCs defined later. */
    GuestSetup guestSetup(UUID instanceId) {
        return GuestSetup.of(ops.list(instanceId));
    }

    VnfInstanceStore instances() { return instances; }
    PackageLookup packages() { return packages; }
    VnfcDeployer deployer() { return deployer; }
    AgentGate agents() { return agents; }
    HostService hosts() { return hosts; }
    LibvirtHosts libvirt() { return libvirt; }
    VnfLcmProperties props() { return props; }
    PlacementService placement() { return placement; }
}
