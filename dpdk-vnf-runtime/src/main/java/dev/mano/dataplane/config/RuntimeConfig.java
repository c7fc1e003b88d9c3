package dev.mano.dataplane.config;

import dev.mano.dataplane.port.PortSettings;
import dev.mano.dataplane.port.SocketAccess;
import dev.mano.dataplane.port.VhostUserSocket;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runtime's configuration file (vnf.yaml): ports, mempool, burst size, metrics, and one section
 * named after the VNF type with that VNF's own settings.
 *
 * @param ports  a port without {@code queues} gets one queue pair per worker lcore
 * @param mbufs  0 = enough for every descriptor and lcore cache
 * @param idleSleepMicros 0 = pure polling; otherwise a worker whose polls keep finding nothing sleeps this
 *                        long between polls (for a runtime that shares its CPU, see {@code engine.IdleSleep})
 */
public record RuntimeConfig(String source, List<PortSettings> ports, int mbufs, int mempoolCache, int burst,
                            int idleSleepMicros, int metricsPort, ConfigNode vnf) {

    private static final Set<String> TOP = Set.of("ports", "mempool", "burst", "idleSleepUs", "metrics");

    public static RuntimeConfig load(Path file, String vnfType) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), text, vnfType);
    }

    public static RuntimeConfig parse(String source, String yaml, String vnfType) {
        Object document;
        try {
            document = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getMessage());
        }
        ConfigNode root = ConfigNode.root(source, document);
        Set<String> allowed = new HashSet<>(TOP);
        allowed.add(vnfType);
        root.onlyKeys(allowed);

        List<PortSettings> ports = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode port : root.nodes("ports")) {
            port.onlyKeys(Set.of("name", "devargs", "queues", "rxDescriptors", "txDescriptors", "socketMode", "socketGroup"));
            String name = port.string("name");
            if (!names.add(name)) {
                throw port.error("name", "port " + name + " is listed twice");
            }
            String devargs = port.optionalString("devargs").orElse(null);
            ports.add(new PortSettings(name, devargs,
                    port.integer("queues", 0, 1, 1024), port.integer("rxDescriptors", 1024, 32, 32768),
                    port.integer("txDescriptors", 1024, 32, 32768), socketAccess(port, devargs)));
        }
        if (ports.isEmpty()) {
            throw root.error("ports", "at least one port is required");
        }
        int mbufs = 0;
        int cache = 256;
        if (root.has("mempool")) {
            ConfigNode pool = root.node("mempool");
            pool.onlyKeys(Set.of("mbufs", "cache"));
            mbufs = pool.integer("mbufs", 0, 0, 16 * 1024 * 1024);
            cache = pool.integer("cache", 256, 0, 512);
        }
        int burst = root.integer("burst", 32, 1, 64);
        int idleSleep = root.integer("idleSleepUs", 0, 0, 100_000);
        int metricsPort = 0;
        if (root.has("metrics")) {
            ConfigNode metrics = root.node("metrics");
            metrics.onlyKeys(Set.of("port"));
            metricsPort = metrics.integer("port", 0, 0, 65535);
        }
        ConfigNode vnf = root.optionalNode(vnfType).orElse(new ConfigNode(source, vnfType, Map.of()));
        return new RuntimeConfig(source, ports, mbufs, cache, burst, idleSleep, metricsPort, vnf);
    }

    /** socketMode: "0660" (octal), socketGroup: kvm; only for a vhost-user server port (net_vhost...,iface=...). */
    private static SocketAccess socketAccess(ConfigNode port, String devargs) {
        Optional<String> mode = port.optionalString("socketMode");
        Optional<String> group = port.optionalString("socketGroup");
        if (mode.isEmpty() && group.isEmpty()) {
            return SocketAccess.AS_CREATED;
        }
        String key = mode.isPresent() ? "socketMode" : "socketGroup";
        if (VhostUserSocket.serverPath(devargs).isEmpty()) {
            throw port.error(key, "only a vhost-user server port has a socket to set (devargs net_vhost...,iface=<path>)");
        }
        int bits = -1;
        if (mode.isPresent()) {
            if (!mode.get().matches("0?[0-7]{3}")) {
                throw port.error("socketMode", "expected octal permission bits like \"0660\" (quoted), got '" + mode.get() + "'");
            }
            bits = Integer.parseInt(mode.get(), 8);
        }
        return new SocketAccess(bits, group.orElse(null));
    }
}
