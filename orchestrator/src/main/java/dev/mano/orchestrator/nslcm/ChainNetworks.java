package dev.mano.orchestrator.nslcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.vnflcm.LibvirtHosts;
import dev.mano.vim.VimException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the chain's bridge segments exist on their host and takes them away again (SRIOV_VLAN segments
 * have no bridge: their VFs and VLAN are in the domains). Both directions are idempotent, so a retry or a
 * rollback after a crash just runs them again over the recorded segments.
 */
@Component
class ChainNetworks {
    private static final Logger log = LoggerFactory.getLogger(ChainNetworks.class);
    private final HostService hosts;
    private final LibvirtHosts libvirt;

    ChainNetworks(HostService hosts, LibvirtHosts libvirt) {
        this.hosts = hosts;
        this.libvirt = libvirt;
    }

    void create(List<RealisedLink> segments) {
        for (RealisedLink segment : segments) {
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
}
