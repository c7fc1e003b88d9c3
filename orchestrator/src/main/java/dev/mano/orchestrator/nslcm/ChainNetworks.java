package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.chainswitch.ChainSwitch;
import dev.mano.orchestrator.chainswitch.SwitchFailure;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.vnflcm.LibvirtHosts;
import dev.mano.vim.VimException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes the chain's bridge segments exist on their host, and its VHOST_USER segments on their host's chain
 * switch, and takes them away again (SRIOV_VLAN segments have nothing on the host: their VFs and VLAN are in
 * the domains). Both directions are idempotent, so a retry or a rollback after a crash just runs them again
 * over the recorded segments. The chain switch lives as long as the orchestrator, so at start it gets back
 * every recorded VHOST_USER segment.
 */
@Component
class ChainNetworks {
    private static final Logger log = LoggerFactory.getLogger(ChainNetworks.class);
    private final HostService hosts;
    private final LibvirtHosts libvirt;
    private final ChainSwitch chainSwitch;
    private final NsInstanceStore instances;

    ChainNetworks(HostService hosts, LibvirtHosts libvirt, ChainSwitch chainSwitch, NsInstanceStore instances) {
        this.hosts = hosts;
        this.libvirt = libvirt;
        this.chainSwitch = chainSwitch;
        this.instances = instances;
    }

    void create(List<RealisedLink> segments) {
        for (RealisedLink segment : segments) {
            if (LinkRealisation.switched(segment)) {
                HostRef host = hosts.ref(LinkRealisation.hostIds(segment).getFirst());
                try {
                    // a link realised while the switch was possible, re-created after that changed (configuration, jars)
                    chainSwitch.unavailable(host).ifPresent(why -> { throw new SwitchFailure(why); });
                    chainSwitch.attach(host, LinkRealisation.switchSegment(segment));
                } catch (SwitchFailure e) {
                    throw new OperationFailure(502, "link-not-created", "A chain link could not be created",
                            segment.name() + " on " + host.name() + ": " + e.getMessage());
                }
                continue;
            }
            if (!LinkRealisation.bridged(segment)) continue;
            for (UUID hostId : LinkRealisation.hostIds(segment)) {
                HostRef host = hosts.ref(hostId);
                try {
                    libvirt.networks(host.libvirtUri()).ensure(LinkRealisation.network(segment),
                            String.valueOf(segment.details().get("bridge")));
                } catch (VimException e) {
                    throw new OperationFailure(502, "link-not-created", "A chain link could not be created",
                            segment.name() + " on " + host.name() + ": " + e.getMessage());
                }
            }
        }
    }

    /** Removes what it can and logs the rest: a host that is gone must not keep an NS from terminating. */
    void remove(List<RealisedLink> segments) {
        for (RealisedLink segment : segments) {
            if (LinkRealisation.switched(segment)) {
                try {
                    chainSwitch.detach(hosts.ref(LinkRealisation.hostIds(segment).getFirst()), LinkRealisation.switchSegment(segment).id());
                } catch (RuntimeException e) {
                    log.warn("link {} not taken off its chain switch: {}", segment.name(), e.toString());
                }
                continue;
            }
            if (!LinkRealisation.bridged(segment)) continue;
            for (UUID hostId : LinkRealisation.hostIds(segment)) {
                try {
                    HostRef host = hosts.ref(hostId);
                    libvirt.networks(host.libvirtUri()).remove(LinkRealisation.network(segment));
                } catch (VimException | RuntimeException e) {
                    log.warn("network {} of link {} on host {} not removed: {}", LinkRealisation.network(segment),
                            segment.name(), hostId, e.toString());
                }
            }
        }
    }

    /** Every recorded VHOST_USER segment back on its host's switch; one that fails is logged and healed by the next heal. */
    @EventListener(ApplicationReadyEvent.class)
    void restoreSwitchedLinks() {
        for (RealisedLink segment : instances.linksOfKind(LinkRealisation.VHOST_USER)) {
            try {
                create(List.of(segment));
            } catch (RuntimeException e) {
                log.error("link {} is not switched after the restart: {}", segment.name(), e.getMessage());
            }
        }
    }
}
