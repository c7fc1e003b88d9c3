package dev.mano.orchestrator.chainswitch;

import dev.mano.orchestrator.hosts.HostRef;
import dev.mano.orchestrator.vnflcm.VnfLcmProperties;
import jakarta.annotation.PreDestroy;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The chain switch of every host whose libvirt runs on this machine ({@code qemu:///system}): the orchestrator
 * starts and watches the switch process itself. A remote host would need a host agent to do that for it, which
 * the platform does not have (libvirt is its only channel to a host), so its vhost-user links fall back to a
 * bridge and say why.
 *
 * <p>The switch lives as long as the orchestrator: it is stopped on shutdown and started again from the
 * recorded links at start (see nslcm.ChainNetworks), a gap of about a second on the vhost-user links.
 */
@Component
public class LocalChainSwitch implements ChainSwitch {
    private final ChainSwitchProperties props;
    private final Path runDir;
    private final Map<UUID, SwitchProcess> switches = new ConcurrentHashMap<>();

    LocalChainSwitch(ChainSwitchProperties props, VnfLcmProperties lcm) {
        this.props = props;
        this.runDir = Path.of(lcm.hostRunDir()).toAbsolutePath();
    }

    @Override
    public Optional<String> unavailable(HostRef host) {
        if (!props.enabled()) {
            return Optional.of("the chain switch is off (mano.chain-switch.enabled=false)");
        }
        if (host.simulated() && !props.simulatedHosts()) {
            return Optional.of("host " + host.name() + " is simulated (libvirt's test driver): it runs no QEMU to connect to a switch");
        }
        if (!host.simulated() && !local(host.libvirtUri())) {
            return Optional.of("host " + host.name() + " is reached through " + host.libvirtUri() + ": the chain switch runs only on"
                    + " the orchestrator's own machine (there is no host agent to start it elsewhere)");
        }
        Optional<String> missing = Arrays.stream(props.classpath().split(File.pathSeparator)).filter(e -> !exists(e)).findFirst();
        return missing.map(e -> "the chain switch's runtime jars are missing (" + e + " in mano.chain-switch.classpath; ./mvnw package builds them)");
    }

    @Override
    public SwitchSegment segment(String id) {
        Path vhost = runDir.resolve("vhost");
        return new SwitchSegment(id, vhost.resolve(id + "-up.sock"), vhost.resolve(id + "-down.sock"));
    }

    @Override
    public void attach(HostRef host, SwitchSegment segment) {
        switches.computeIfAbsent(host.id(), id -> new SwitchProcess(id.toString().substring(0, 8), runDir.resolve("switch"), props))
                .attach(segment);
    }

    @Override
    public void detach(HostRef host, String segmentId) {
        SwitchProcess process = switches.get(host.id());
        if (process != null) process.detach(segmentId);
    }

    @PreDestroy
    public void stopAll() {
        switches.values().forEach(SwitchProcess::stop);
    }

    private static boolean local(String uri) {
        URI u = URI.create(uri);
        return "qemu".equals(u.getScheme()) && (u.getHost() == null || u.getHost().equals("localhost"));
    }

    /** A classpath entry exists: a file, or for {@code dir/*} a directory with a jar in it. */
    private static boolean exists(String entry) {
        if (!entry.endsWith("*")) return Files.exists(Path.of(entry));
        Path dir = Path.of(entry.substring(0, entry.length() - 1));
        File[] jars = dir.toFile().listFiles((d, n) -> n.endsWith(".jar"));
        return jars != null && jars.length > 0;
    }
}
