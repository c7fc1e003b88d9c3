package dev.mano.orchestrator.vnflcm;

import dev.mano.vim.domain.DomainSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a VNFC's guest gets at boot besides the image: what its data-plane ports are wired to, in port
 * order (guest eth0, eth1, ... and so the runtime's net_af_packet0, 1, ...), and its day-1 configuration
 * (the runtime's section for its VNF type, as JSON). Both come from InstantiateVnfRequest.additionalParams
 * and are read again from that request when scaling adds VNFCs or healing redefines a domain, so every
 * VNFC of a VNF is wired and configured alike.
 *
 * <p>Ports: {@code dataPorts}, a list of {@code {"network": name}} (a tap on that libvirt network) or
 * {@code {"physicalNetwork": net, "vlan": n}} (the VF placement gave the VDU's data CP at that position,
 * tagged n: see network.ChainPorts) or {@code {"vhostUserSocket": path}} (a vhost-user NIC, client of the
 * chain switch's socket at that path), as the NS wiring sends them; or the older {@code dataNetworks}, a list
 * of network names, which is the same as all-network dataPorts.
 *
 * @param dayOneConfig JSON object text, or null when the VNF runs on its defaults
 */
record GuestSetup(List<DataPort> dataPorts, String dayOneConfig) {
    static final String DATA_NETWORKS = "dataNetworks";
    static final String DATA_PORTS = "dataPorts";
    static final String CONFIG = "config";
    /** Where the image's run-vnf looks: /sys/firmware/qemu_fw_cfg/by_name/opt/org.mano/vnf-config/raw. */
    static final String FW_CFG_NAME = "opt/org.mano/vnf-config";
    static final GuestSetup NONE = new GuestSetup(List.of(), null);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    GuestSetup {
        dataPorts = List.copyOf(dataPorts);
    }

    /** What one data port of the guest is wired to. */
    sealed interface DataPort {
        /** A tap on a libvirt network (the chain's bridge segments). */
        record Network(String name) implements DataPort {}

        /** The VF of the data CP at this port's position, on its physical network, carrying one VLAN. */
        record Vf(String physicalNetwork, int vlan) implements DataPort {}

        /** A vhost-user NIC, client of the chain switch's socket at this absolute path on the host. */
        record VhostUser(String socket) implements DataPort {}
    }

    /** A request's additionalParams that could never reach a guest; {@code field} is its path in the request. */
    static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String problem) {
            super(field + ": " + problem);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** @throws Invalid naming the additionalParams field that is wrong */
    static GuestSetup from(Map<String, Object> additionalParams) {
        if (additionalParams == null) {
            return NONE;
        }
        List<DataPort> ports = new ArrayList<>();
        Object listed = additionalParams.get(DATA_NETWORKS);
        Object described = additionalParams.get(DATA_PORTS);
        if (listed != null && described != null) {
            throw new Invalid("additionalParams." + DATA_PORTS, "give " + DATA_PORTS + " or " + DATA_NETWORKS + ", not both");
        }
        if (listed != null) {
            if (!(listed instanceof List<?> list)) {
                throw new Invalid("additionalParams." + DATA_NETWORKS, "expected a list of network names");
            }
            for (Object o : list) {
                ports.add(new DataPort.Network(networkName(o, "additionalParams." + DATA_NETWORKS)));
            }
        }
        if (described != null) {
            if (!(described instanceof List<?> list)) {
                throw new Invalid("additionalParams." + DATA_PORTS, "expected a list of ports");
            }
            for (int i = 0; i < list.size(); i++) {
                String at = "additionalParams." + DATA_PORTS + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> port)) {
                    throw new Invalid(at, "expected {\"network\": name}, {\"physicalNetwork\": net, \"vlan\": n} or {\"vhostUserSocket\": path}");
                }
                if (port.get("network") != null) {
                    ports.add(new DataPort.Network(networkName(port.get("network"), at + ".network")));
                } else if (port.get("vhostUserSocket") != null) {
                    if (!(port.get("vhostUserSocket") instanceof String socket) || !socket.matches("/[A-Za-z0-9_./-]{1,200}") || socket.contains("..")) {
                        throw new Invalid(at + ".vhostUserSocket", "expected an absolute socket path of [A-Za-z0-9_./-]");
                    }
                    ports.add(new DataPort.VhostUser(socket));
                } else if (port.get("vlan") instanceof Integer vlan && vlan >= 1 && vlan <= 4094
                        && port.get("physicalNetwork") instanceof String net && !net.isBlank()) {
                    ports.add(new DataPort.Vf(net, vlan));
                } else {
                    throw new Invalid(at, "expected {\"network\": name}, {\"physicalNetwork\": net, \"vlan\": 1-4094} or {\"vhostUserSocket\": path}");
                }
            }
        }
        Object config = additionalParams.get(CONFIG);
        if (config == null) {
            return new GuestSetup(ports, null);
        }
        if (!(config instanceof Map<?, ?> section)) {
            throw new Invalid("additionalParams." + CONFIG, "expected an object (the VNF's section of the runtime's vnf.yaml)");
        }
        if (section.containsKey("ports")) {
            throw new Invalid("additionalParams." + CONFIG + ".ports", "the guest names its ports itself "
                    + "(net_af_packet0, 1, ... in the order of " + DATA_PORTS + "); leave ports out");
        }
        String json = JSON.writeValueAsString(section);
        if (json.getBytes(StandardCharsets.UTF_8).length > DomainSpec.MAX_FIRMWARE_CONFIG_BYTES / 4 * 3) {
            throw new Invalid("additionalParams." + CONFIG, "larger than "
                    + DomainSpec.MAX_FIRMWARE_CONFIG_BYTES / 4 * 3 + " bytes as JSON");
        }
        return new GuestSetup(ports, section.isEmpty() ? null : json);
    }

    private static String networkName(Object o, String field) {
        if (!(o instanceof String name) || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new Invalid(field, "'" + o + "' is not a network name (1-64 of [A-Za-z0-9_.-])");
        }
        return name;
    }

    /**
     * The fw_cfg entries of the domain: the JSON in base64, since QEMU's option syntax would cut a fw_cfg string at
     * its first comma (the guest decodes it, see vnf-images/image/run-vnf).
     */
    Map<String, String> firmwareConfig() {
        return Optional.ofNullable(dayOneConfig)
                .map(c -> Map.of(FW_CFG_NAME, Base64.getEncoder().encodeToString(c.getBytes(StandardCharsets.UTF_8))))
                .orElse(Map.of());
    }

    /** The setup an instance was instantiated with: the additionalParams of its latest INSTANTIATE operation. */
    static GuestSetup of(List<LcmOpOcc> operations) {
        return operations.stream()
                .filter(o -> o.operation() == LcmOperation.INSTANTIATE)
                .max(java.util.Comparator.comparing(LcmOpOcc::startTime))
                .map(o -> o.params().get("additionalParams"))
                .filter(Map.class::isInstance)
                .map(p -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> additional = (Map<String, Object>) p;
                    return from(additional);
                })
                .orElse(NONE);
    }
}
