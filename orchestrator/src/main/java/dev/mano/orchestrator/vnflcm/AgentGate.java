package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.agent.AgentAddress;
import dev.mano.vnfm.agent.AgentClients;
import dev.mano.vnfm.agent.AgentConnection;
import dev.mano.vnfm.monitoring.MonitoringFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The lifecycle's view of the agents inside VNFCs: a VNFC counts as ready when its agent said
 * hello over the VM's virtio-serial channel. The runtime says hello only once it runs with its
 * day-1 configuration, which the guest reads at boot from the domain (see {@link GuestSetup}), so a
 * hello also means the configuration was accepted. Hosts of libvirt's test driver run no guests,
 * so there is no agent to wait for there.
 */
@Component
class AgentGate {
    private static final Logger log = LoggerFactory.getLogger(AgentGate.class);
    private final AgentClients clients;
    private final MonitoringFeed monitoring;
    private final HostService hosts;
    private final VnfLcmProperties props;
    private final Duration helloTimeout;

    AgentGate(AgentClients clients, MonitoringFeed monitoring, HostService hosts, VnfLcmProperties props,
              @Value("${mano.vnflcm.hello-timeout:180s}") Duration helloTimeout) {
        this.clients = clients;
        this.monitoring = monitoring;
        this.hosts = hosts;
        this.props = props;
        this.helloTimeout = helloTimeout;
    }

    void awaitReady(OpContext ctx, VnfInstance instance, List<Vnfc> vnfcs, int from, int to) throws InterruptedException {
        for (int i = 0; i < vnfcs.size(); i++) {
            Vnfc vnfc = vnfcs.get(i);
            HostRef host = hosts.ref(vnfc.hostId());
            if (host.libvirtUri().startsWith("test:")) {
                ctx.progress(from + (to - from) * (i + 1) / vnfcs.size(), vnfc.domainName() + ": simulated host, no guest agent");
                continue;
            }
            if (props.imageKernel().isBlank()) {
                throw new OperationFailure(503, "no-vnf-image", "No VNF image configured",
                        "mano.vnflcm.image-kernel is not set, so " + vnfc.domainName() + " boots no VNF runtime and its agent"
                                + " can never say hello; build the image (vnf-images) and point the orchestrator at it");
            }
            ctx.progress(from + (to - from) * i / vnfcs.size(), "waiting for the agent of " + vnfc.domainName());
            AgentConnection agent = clients.connect(ref(instance, vnfc),
                    new AgentAddress.UnixSocket(Path.of(props.hostRunDir(), "agents", vnfc.id() + ".sock")));
            Instant deadline = Instant.now().plus(helloTimeout);
            while (agent.hello().isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new OperationFailure(504, "agent-hello-timeout", "The VNF's agent did not say hello",
                            vnfc.domainName() + " on " + host.name() + " sent no hello within " + helloTimeout.toSeconds() + " s"
                                    + guestComplaint(vnfc));
                }
                Thread.sleep(200);
            }
        }
    }

    /** Asks the VNFCs to stop taking new flows before they go; a VNFC that does not answer is removed anyway. */
    void drain(OpContext ctx, List<Vnfc> vnfcs) {
        for (Vnfc vnfc : vnfcs) {
            clients.get(new VnfcRef(vnfc.vnfInstanceId().toString(), vnfc.id().toString())).ifPresent(agent -> {
                ctx.progress(10, "draining " + vnfc.domainName());
                try {
                    agent.drain(props.gracefulShutdown()).orTimeout(props.gracefulShutdown().toMillis(), TimeUnit.MILLISECONDS).join();
                } catch (RuntimeException e) {
                    log.warn("{} did not report drained: {}", vnfc.domainName(), e.toString());
                }
            });
        }
    }

    /**
     * The VNFC goes away: its link closes and its samples leave the metrics store, or the VNF's indicators and the
     * autoscaler would go on counting a removed VNFC's last figures until retention drops them (15 min).
     */
    void forget(Vnfc vnfc) {
        VnfcRef ref = new VnfcRef(vnfc.vnfInstanceId().toString(), vnfc.id().toString());
        clients.disconnect(ref);
        monitoring.forget(ref);
    }

    /**
     * What the guest's runtime last said on the console about why it stopped (a rejected day-1 config, DPDK refusing a
     * port), so a timeout names the cause. Only where the console log is on this machine (a local host).
     */
    private String guestComplaint(Vnfc vnfc) {
        Path log = Path.of(props.hostRunDir(), "console", vnfc.domainName() + ".log");
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("guest-runtime:") || l.contains("run-vnf:"))
                    .reduce((first, second) -> second)
                    .map(l -> "; its console last said: " + l.strip())
                    .orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static VnfcRef ref(VnfInstance instance, Vnfc vnfc) {
        return new VnfcRef(instance.id().toString(), vnfc.id().toString());
    }
}
