package dev.mano.orchestrator.hosts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the VIM side.
 *
 * @param refreshInterval how often every host's inventory is read again (also settable as mano.vim.refresh-interval)
 * @param refreshEnabled  false stops the periodic refresh (on-demand refresh still works)
 * @param reconcileInterval    how often libvirt is compared with the database (also on start)
 * @param orphanDomainGrace    how long a domain of ours without a VNFC row may live before it is removed
 * @param orphanPlacementGrace how long a placement whose VNFCs never appeared keeps its resources
 */
@ConfigurationProperties("mano.vim")
public record VimProperties(@DefaultValue("PT5M") Duration refreshInterval, @DefaultValue("true") boolean refreshEnabled,
                            @DefaultValue("PT1M") Duration reconcileInterval,
                            @DefaultValue("PT10M") Duration orphanDomainGrace,
                            @DefaultValue("PT10M") Duration orphanPlacementGrace) {}
