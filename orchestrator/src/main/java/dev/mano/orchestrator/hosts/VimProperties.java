package dev.mano.orchestrator.hosts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the VIM side.
 *
 * @param refreshInterval how often every host's inventory is read again (also settable as mano.vim.refresh-interval)
 * @param refreshEnabled  false stops the periodic refresh (on-demand refresh still works)
 */
@ConfigurationProperties("mano.vim")
public record VimProperties(@DefaultValue("PT5M") Duration refreshInterval, @DefaultValue("true") boolean refreshEnabled) {}
