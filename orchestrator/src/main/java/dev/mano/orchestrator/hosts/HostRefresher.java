package dev.mano.orchestrator.hosts;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reads every host again every {@code mano.vim.refresh-interval}; an unreachable host is marked, never dropped. */
@Component
class HostRefresher {
    private final HostService hosts;
    private final VimProperties props;

    HostRefresher(HostService hosts, VimProperties props) {
        this.hosts = hosts;
        this.props = props;
    }

    @Scheduled(fixedDelayString = "${mano.vim.refresh-interval:PT5M}", initialDelayString = "${mano.vim.refresh-interval:PT5M}")
    void refreshAll() {
        if (props.refreshEnabled()) {
            hosts.refreshAll();
        }
    }
}
