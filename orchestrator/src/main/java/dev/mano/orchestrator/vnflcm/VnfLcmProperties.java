package dev.mano.orchestrator.vnflcm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param heartbeat         how often a running operation proves its replica is alive
 * @param staleAfter        an operation whose heartbeat is older is taken as orphaned (FAILED_TEMP)
 * @param hostRunDir        directory on each host for agent sockets, vhost-user sockets and console logs
 * @param gracefulShutdown  default time a guest gets to shut down before it is destroyed
 * @param imageKernel       the VNF image's kernel on the hosts; empty boots no OS (a VM that never says hello)
 * @param imageInitrd       the VNF image's initramfs on the hosts
 * @param heartbeatTimeout  an agent silent this long (heartbeats are due every second) counts as lost and is healed
 * @param heartbeatTimeoutTcg the same for a VM under TCG: an emulated guest on a busy host can stall for seconds
 *                          without being broken, and healing it then only takes it down for real
 */
@ConfigurationProperties("mano.vnflcm")
public record VnfLcmProperties(
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("30s") Duration staleAfter,
        @DefaultValue("/var/lib/mano") String hostRunDir,
        @DefaultValue("20s") Duration gracefulShutdown,
        @DefaultValue("") String imageKernel,
        @DefaultValue("") String imageInitrd,
        @DefaultValue("5s") Duration heartbeatTimeout,
        @DefaultValue("30s") Duration heartbeatTimeoutTcg) {}
