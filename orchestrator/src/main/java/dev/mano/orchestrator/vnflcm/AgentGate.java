package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.OperationFailure;
import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.agent.AgentAddress;
import dev.mano.vnfm.agent.AgentClients;
import dev.mano.vnfm.agent.AgentConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The lifecycle's view of the agents inside VNFCs: a VNFC counts as ready when its agent said
 * hello over the VM's virtio-serial channel and accepted the day-1 configuration. Hosts of
 * libvirt's test driver run no guests, so there is no agent to wait for there.
 */
@Component
class AgentGate {
    private static final Logger log = LoggerFactory.getLogger(AgentGate.class);
    private final AgentClients clients;
    private final HostService hosts;
    private final VnfLcmProperties props;
    private final Duration helloTimeout;

    AgentGate(AgentClients clients, HostService hosts, VnfLcmProperties props,
              @Value("${mano.vnflcm.hello-timeout:180s}") Duration helloTimeout) {
        this.clients = clients;
        this.hosts = hosts;
        this.props = props;
        this.helloTimeout = helloTimeout;
    }

    void awaitReady(OpContext ctx, VnfInstance instance, List<Vnfc> vnfcs, int from, int to) throws InterruptedException {
        Map<String, String> config = dayOneConfig(ctx);
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
                            vnfc.domainName() + " on " + host.name() + " sent no hello within " + helloTimeout.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
            if (!config.isEmpty()) {
                ctx.progress(from + (to - from) * i / vnfcs.size(), "configuring " + vnfc.domainName());
                var result = agent.applyConfig(config, Duration.ofSeconds(30)).orTimeout(35, TimeUnit.SECONDS).join();
                if (!result.ok()) {
                    throw new OperationFailure(422, "day1-config-rejected", "The VNF rejected its configuration",
                            vnfc.domainName() + ": " + result.error());
                }
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

    void forget(Vnfc vnfc) {
        clients.disconnect(new VnfcRef(vnfc.vnfInstanceId().toString(), vnfc.id().toString()));
    }

    private static VnfcRef ref(VnfInstance instance, Vnfc vnfc) {
        return new VnfcRef(instance.id().toString(), vnfc.id().toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> dayOneConfig(OpContext ctx) {
        Object additional = ctx.params().get("additionalParams");
        Object config = additional instanceof Map<?, ?> m ? m.get("config") : null;
        Map<String, String> flat = new LinkedHashMap<>();
        if (config instanceof Map<?, ?> c) {
            ((Map<String, Object>) c).forEach((k, v) -> flat.put(k, String.valueOf(v)));
        }
        return flat;
    }
}
