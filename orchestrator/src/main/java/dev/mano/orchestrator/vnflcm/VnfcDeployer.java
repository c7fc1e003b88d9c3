package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.vnflcm.VnfcRequirements.NewVnfc;
import dev.mano.orchestrator.catalog.vnfd.Vdu;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.orchestrator.placement.PlacementPlan;
import dev.mano.orchestrator.placement.PlacementRequest;
import dev.mano.orchestrator.placement.PlacementService;
import dev.mano.orchestrator.placement.PlanOutcome;
import dev.mano.orchestrator.placement.Strategy;
import dev.mano.orchestrator.placement.VnfcNeeds;
import dev.mano.orchestrator.placement.VnfcPlacement;
import dev.mano.vim.VimException;
import dev.mano.vim.lifecycle.DomainLifecycle;
import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.healing.HealingWatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings VNFCs into being and takes them away: ledger first (placement commits all of them or
 * none), then the vnfc rows (so a crash leaves rows the rollback can find), then the domains.
 * Undo walks the same path backwards and tolerates every step already being undone.
 */
@Component
class VnfcDeployer {
    private static final Logger log = LoggerFactory.getLogger(VnfcDeployer.class);
    private final PlacementService placement;
    private final HostService hosts;
    private final LibvirtHosts libvirt;
    private final DomainSpecs specs;
    private final VnfInstanceStore instances;
    private final AgentGate agents;
    private final HealingWatch healing;

    VnfcDeployer(PlacementService placement, HostService hosts, LibvirtHosts libvirt, DomainSpecs specs,
                 VnfInstanceStore instances, AgentGate agents, HealingWatch healing) {
        this.agents = agents;
        this.healing = healing;
        this.placement = placement;
        this.hosts = hosts;
        this.libvirt = libvirt;
        this.specs = specs;
        this.instances = instances;
    }

    /**
     * Places (unless an NS already placed them: {@code preplaced}), defines and starts {@code vnfcs}
     * of {@code instance}; progress runs from {@code from} to {@code to}.
     */
    List<Vnfc> deploy(OpContext ctx, VnfInstance instance, Vnfd vnfd, List<NewVnfc> vnfcs, Strategy strategy,
                      PlacementPlan preplaced, GuestSetup guest, int from, int to) throws VimException {
        PlacementPlan plan = preplaced != null ? preplaced : place(ctx, instance, vnfd, vnfcs, strategy, bridgeHosts(instance, guest), from);

        Map<UUID, Vdu> vduOf = new HashMap<>();
        vnfcs.forEach(c -> vduOf.put(c.id(), c.vdu()));
        List<Vnfc> created = new ArrayList<>();
        for (VnfcPlacement placed : plan.vnfcs()) {
            Vnfc row = new Vnfc(placed.vnfcId(), instance.id(), vduOf.get(placed.vnfcId()).id(), plan.id(), placed.hostId(),
                    domainName(instance, vduOf.get(placed.vnfcId()), placed.vnfcId()), "PLANNED", ctx.opId());
            instances.insertVnfc(row);
            created.add(row);
        }

        int step = 0;
        int steps = plan.vnfcs().size() * 2;
        for (int i = 0; i < plan.vnfcs().size(); i++) {
            VnfcPlacement placed = plan.vnfcs().get(i);
            Vnfc row = created.get(i);
            HostRef host = hosts.ref(placed.hostId());
            DomainLifecycle domains = libvirt.lifecycle(host.libvirtUri());
            ctx.progress(from + (to - from) * step++ / steps, "defining " + row.domainName() + " on " + host.name());
            domains.define(specs.build(row.domainName(), instance.id(), instance.nsInstanceId(), vnfd, vduOf.get(placed.vnfcId()),
                    placed, host.kvm(), guest));
            instances.setVnfcState(row.id(), "DEFINED");
            ctx.progress(from + (to - from) * step++ / steps, "starting " + row.domainName());
            domains.start(row.domainName());
            instances.setVnfcState(row.id(), "RUNNING");
        }
        return created;
    }

    /**
     * Where a VNFC added to this instance may go: a tap on a libvirt network only works on a host that has the
     * network, so when its ports are bridges (a chain member's TAP_BRIDGE segments, which exist on the host
     * its first VNFCs were placed on) it must join them there. Empty: anywhere (VF ports, or no VNFC yet).
     */
    private Set<UUID> bridgeHosts(VnfInstance instance, GuestSetup guest) {
        if (guest.dataPorts().stream().noneMatch(p -> p instanceof GuestSetup.DataPort.Network)) {
            return Set.of();
        }
        Set<UUID> on = new LinkedHashSet<>();
        instances.vnfcs(instance.id()).forEach(v -> on.add(v.hostId()));
        return on;
    }

    private PlacementPlan place(OpContext ctx, VnfInstance instance, Vnfd vnfd, List<NewVnfc> vnfcs, Strategy strategy,
                                Set<UUID> onlyHosts, int from) {
        ctx.progress(from, "placing " + vnfcs.size() + " VNFC(s)");
        List<VnfcNeeds> needs = vnfcs.stream().map(c -> VnfcRequirements.needs(instance.name(), vnfd, c)).toList();
        PlacementRequest request = new PlacementRequest(strategy, needs, onlyHosts);
        List<String> invalid = PlacementService.validate(request);
        if (!invalid.isEmpty()) {
            throw new OperationFailure(422, "vnfd-not-placeable", "The VNFD asks for resources placement cannot express",
                    String.join("; ", invalid));
        }
        return switch (placement.place(request)) {
            case PlanOutcome.Planned p -> p.plan();
            case PlanOutcome.Rejected r -> throw new OperationFailure(409, "no-placement", "No host can take the VNFC",
                    "nothing fits " + r.vnfcName() + (onlyHosts.isEmpty() ? "" : " on the host its chain bridges are on")
                            + (r.neverFits() ? (onlyHosts.isEmpty() ? " on any registered host" : "") + ", even empty" : " right now"))
                    .with("reasons", r.reasons());
        };
    }

    /** Removes {@code vnfcs}: domain (graceful when asked), row, then their placements. */
    void remove(OpContext ctx, List<Vnfc> vnfcs, Duration graceful, int from, int to) throws VimException {
        Set<UUID> placements = new LinkedHashSet<>();
        for (int i = 0; i < vnfcs.size(); i++) {
            Vnfc vnfc = vnfcs.get(i);
            ctx.progress(from + (to - from) * i / Math.max(1, vnfcs.size()), "removing " + vnfc.domainName());
            // Stopped on purpose: forgotten first, or the healer takes the domain's stopped event for a failure.
            healing.forget(new VnfcRef(vnfc.vnfInstanceId().toString(), vnfc.id().toString()));
            agents.forget(vnfc);
            HostRef host = hosts.ref(vnfc.hostId());
            DomainLifecycle domains = libvirt.lifecycle(host.libvirtUri());
            if (domains.state(vnfc.domainName()).isPresent()) {
                if (graceful != null && !graceful.isZero()) {
                    domains.shutdown(vnfc.domainName(), graceful);
                } else if (domains.state(vnfc.domainName()).map(s -> s.active()).orElse(false)) {
                    domains.destroy(vnfc.domainName());
                }
                domains.undefine(vnfc.domainName());
            }
            instances.deleteVnfc(vnfc.id());
            placements.add(vnfc.placementId());
        }
        for (UUID p : placements) {
            placement.release(p);
        }
        log.info("Removed {} VNFC(s), released placements {}", vnfcs.size(), placements);
    }

    static String domainName(VnfInstance instance, Vdu vdu, UUID vnfcId) {
        return "vnf-" + instance.id().toString().substring(0, 8) + "-" + DomainSpecs.safe(vdu.id()) + "-"
                + vnfcId.toString().substring(0, 8);
    }
}
