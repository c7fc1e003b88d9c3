package dev.mano.image.guest;

import dev.mano.dataplane.config.ConfigException;
import dev.mano.dataplane.config.RuntimeConfig;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guest's runtime configuration: what the image knows (its ports, found at boot, and defaults for
 * the VNF section written by run-vnf) overlaid with the day-1 configuration the orchestrator put in
 * the domain (a JSON object: the VNF's section of vnf.yaml). Day-1 keys win; the section's
 * {@code ports} stay the guest's, since only the guest knows what its NICs are called.
 */
final class DayOneConfig {
    private DayOneConfig() {
    }

    /** The fw_cfg entry holds the JSON in base64: QEMU's option syntax cannot carry the JSON's commas. */
    static String fromFirmware(String base64) {
        try {
            return new String(Base64.getMimeDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("day-1 config (fw_cfg opt/org.mano/vnf-config): not base64: " + e.getMessage());
        }
    }

    static RuntimeConfig merge(String baseYaml, String dayOneJson, String vnfType) {
        Map<String, Object> base = mapping(baseYaml, "run-vnf's vnf.yaml");
        Map<String, Object> dayOne = mapping(dayOneJson, "day-1 config (fw_cfg opt/org.mano/vnf-config)");
        if (dayOne.containsKey("ports")) {
            throw new ConfigException("day-1 config: 'ports' is the guest's to set (net_af_packet0, 1, ... in NIC order); leave it out");
        }
        Map<String, Object> section = new LinkedHashMap<>();
        if (base.get(vnfType) instanceof Map<?, ?> defaults) {
            defaults.forEach((k, v) -> section.put(String.valueOf(k), v));
        }
        section.putAll(dayOne);
        Map<String, Object> merged = new LinkedHashMap<>(base);
        merged.put(vnfType, section);
        String yaml = new Dump(DumpSettings.builder().build()).dumpToString(merged);
        return RuntimeConfig.parse("vnf.yaml with the day-1 config", yaml, vnfType);
    }

    private static Map<String, Object> mapping(String text, String what) {
        Object document;
        try {
            document = new Load(LoadSettings.builder().setLabel(what).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new ConfigException(what + ": not valid: " + e.getMessage());
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new ConfigException(what + ": expected an object, got " + document.getClass().getSimpleName());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
