package dev.mano.dataplane.vnf.chain;

import dev.mano.dataplane.config.ConfigNode;
import dev.mano.dataplane.packet.MacAddress;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.Map;

/** YAML sections for unit tests, parsed as the runtime parses its config file; two pretend ports "a" (id 0) and "b" (id 1). */
public final class TestConfig {
    public static final Map<String, PortRef> PORTS = Map.of(
            "a", new PortRef("a", 0, MacAddress.parse("02:00:00:00:00:a0")),
            "b", new PortRef("b", 1, MacAddress.parse("02:00:00:00:00:b0")));

    private TestConfig() {
    }

    public static ConfigNode section(String yaml, String key) {
        Object tree = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return ConfigNode.root("test.yaml", tree).node(key);
    }
}
