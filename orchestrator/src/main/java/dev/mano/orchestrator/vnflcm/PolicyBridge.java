package dev.mano.orchestrator.vnflcm;

import dev.mano.orchestrator.api.ApiProblem;
import dev.mano.orchestrator.catalog.vnfd.AutoscalingPolicy;
import dev.mano.orchestrator.catalog.vnfd.ScalingMetric;
import dev.mano.orchestrator.catalog.vnfd.Vnfd;
import dev.mano.orchestrator.hosts.HostService;
import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.vim.VimException;
import dev.mano.vim.events.DomainEventSubscription;
import dev.mano.vnfm.VnfcRef;
import dev.mano.vnfm.healing.HealRequest;
import dev.mano.vnfm.healing.HealingDecision;
import dev.mano.vnfm.healing.HealingPolicy;
import dev.mano.vnfm.healing.HealingWatch;
import dev.mano.vnfm.scaling.ScaleRequest;
import dev.mano.vnfm.scaling.ScalingDecision;
import dev.mano.vnfm.scaling.ScalingPolicy;
import dev.mano.vnfm.scaling.ScalingWatch;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Joins the VNFM's policies to the lifecycle, both ways: a VNF that completed an operation is
 * (re)watched with the autoscaling policy of its VNFD and the healing policy; a scaling or
 * healing decision becomes a SCALE or HEAL operation marked automatic. Only VNFCs that run an
 * agent are watched for heartbeats: a simulated host has no guest to send them.
 */
@Component
class PolicyBridge {
    private static final Logger log = LoggerFactory.getLogger(PolicyBridge.class);
    private final ScalingWatch scaling;
    private final HealingWatch healing;
    private final VnfLifecycle lifecycle;
    private final PackageLookup packages;
    private final HostService hosts;
    private final DomainSpecs specs;
    private final VnfLcmProperties props;
    private final Map<UUID, List<VnfcRef>> watched = new ConcurrentHashMap<>();
    private final Map<String, DomainEventSubscription> domainEvents = new ConcurrentHashMap<>();

    PolicyBridge(ScalingWatch scaling, HealingWatch healing, VnfLifecycle lifecycle, PackageLookup packages, HostService hosts,
                 DomainSpecs specs, VnfLcmProperties props) {
        this.scaling = scaling;
        this.healing = healing;
        this.lifecycle = lifecycle;
        this.packages = packages;
        this.hosts = hosts;
        this.specs = specs;
        this.props = props;
    }

    @EventListener
    void on(VnfOperationFinished finished) {
        LcmOpOcc op = finished.operation();
        UUID vnfId = op.vnfInstanceId();
        Instant now = Instant.now();
        if (!finished.completed()) {
            // a failed scaling still ends the scaling watch's wait for it; the VNF keeps its size
            if (op.operation() == LcmOperation.SCALE) scaling.scaled(vnfId.toString(), lifecycle.vnfcs(vnfId).size(), now);
            return;
        }
        forgetVnfcs(vnfId);
        if (op.operation() == LcmOperation.TERMINATE) {
            scaling.forget(vnfId.toString());
            return;
        }
        VnfInstance instance = lifecycle.get(vnfId);
        List<Vnfc> vnfcs = lifecycle.vnfcs(vnfId);
        Vnfd vnfd = packages.vnfd(instance.vnfPkgId());
        autoscaling(vnfd).ifPresent(p -> {
            if (op.operation() == LcmOperation.SCALE) {
                scaling.scaled(vnfId.toString(), vnfcs.size(), now);
            } else if (op.operation() == LcmOperation.INSTANTIATE) {
                scaling.watch(vnfId.toString(), policy(vnfd, p), vnfcs.size(), now);
            }
        });
        List<VnfcRef> refs = vnfcs.stream().filter(this::hasAgent)
                .map(c -> new VnfcRef(vnfId.toString(), c.id().toString())).toList();
        for (Vnfc c : vnfcs) {
            if (!hasAgent(c)) continue;
            VnfcRef ref = new VnfcRef(vnfId.toString(), c.id().toString());
            HostRef host = hosts.ref(c.hostId());
            String uri = host.libvirtUri();
            healing.watch(ref, healingPolicy(host), now);
            healing.watchDomain(ref, uri, c.domainName());
            subscribeDomainEvents(uri);
        }
        watched.put(vnfId, refs);
    }

    /** The default policy with the heartbeat timeout for how the VNFC's VM runs on that host (KVM or TCG). */
    private HealingPolicy healingPolicy(HostRef host) {
        HealingPolicy defaults = HealingPolicy.defaults();
        return new HealingPolicy(specs.kvm(host.kvm()) ? props.heartbeatTimeout() : props.heartbeatTimeoutTcg(),
                defaults.maxHeals(), defaults.healWindow());
    }

    @EventListener
    void on(ScaleRequest request) {
        UUID vnfId = UUID.fromString(request.vnfInstanceId());
        String type = switch (request.decision()) {
            case ScalingDecision.ScaleOut out -> "SCALE_OUT";
            case ScalingDecision.ScaleIn in -> "SCALE_IN";
            case ScalingDecision.Hold hold -> null;
        };
        if (type == null) return;
        int steps = switch (request.decision()) {
            case ScalingDecision.ScaleOut out -> out.to() - out.from();
            case ScalingDecision.ScaleIn in -> in.from() - in.to();
            case ScalingDecision.Hold hold -> 0;
        };
        try {
            Vnfd vnfd = packages.vnfd(lifecycle.get(vnfId).vnfPkgId());
            String aspect = autoscaling(vnfd).map(AutoscalingPolicy::aspectId).orElseThrow();
            LcmOpOcc op = lifecycle.scale(vnfId, type, aspect, Math.max(1, steps), true);
            log.info("Autoscaling VNF {}: {} as operation {} ({})", vnfId, type, op.id(), request.decision().reason());
        } catch (ApiProblem | java.util.NoSuchElementException refused) {
            log.info("Autoscaling VNF {} skipped: {}", vnfId, refused.getMessage());
            scaling.declined(vnfId.toString());
        }
    }

    @EventListener
    void on(HealRequest request) {
        if (!(request.decision() instanceof HealingDecision.Heal heal)) {
            log.warn("Giving up on VNFC {}: {}", request.decision().vnfc(), request.decision().reason());
            return;
        }
        UUID vnfId = UUID.fromString(heal.vnfc().vnfInstanceId());
        try {
            LcmOpOcc op = lifecycle.heal(vnfId, List.of(heal.vnfc().vnfcId()), heal.reason(), true);
            log.info("Healing VNFC {} as operation {} ({})", heal.vnfc(), op.id(), heal.reason());
        } catch (ApiProblem refused) {
            log.info("Healing VNFC {} skipped: {}", heal.vnfc(), refused.getMessage());
        }
    }

    /** One libvirt event subscription per host, so a crashed or shut-off domain is healed without waiting for heartbeats. */
    private void subscribeDomainEvents(String uri) {
        domainEvents.computeIfAbsent(uri, u -> {
            try {
                return DomainEventSubscription.open(u, healing);
            } catch (VimException e) {
                log.warn("No lifecycle events from {} (heartbeats still detect failures): {}", u, e.getMessage());
                return null;
            }
        });
    }

    @PreDestroy
    void closeSubscriptions() {
        domainEvents.values().forEach(DomainEventSubscription::close);
        domainEvents.clear();
    }

    private void forgetVnfcs(UUID vnfId) {
        Optional.ofNullable(watched.remove(vnfId)).ifPresent(refs -> refs.forEach(healing::forget));
    }

    private boolean hasAgent(Vnfc c) {
        HostRef host = hosts.ref(c.hostId());
        return !host.libvirtUri().startsWith("test:");
    }

    private static Optional<AutoscalingPolicy> autoscaling(Vnfd vnfd) {
        return vnfd.flavour().autoscalingPolicies().stream().findFirst();
    }

    private static ScalingPolicy policy(Vnfd vnfd, AutoscalingPolicy p) {
        int min = vnfd.vdus().stream().filter(v -> p.vduIds().isEmpty() || p.vduIds().contains(v.id()))
                .mapToInt(v -> v.minInstances()).sum();
        int max = vnfd.vdus().stream().filter(v -> p.vduIds().isEmpty() || p.vduIds().contains(v.id()))
                .mapToInt(v -> v.maxInstances()).sum();
        ScalingPolicy.Metric metric = p.metric() == ScalingMetric.DROP_RATE ? ScalingPolicy.Metric.DROP_RATE : ScalingPolicy.Metric.BUSY_RATIO;
        return ScalingPolicy.onMetric(metric, p.scaleOutThreshold(), p.scaleInThreshold(), p.window(), p.cooldown(),
                Math.max(1, min), Math.max(1, max));
    }
}
