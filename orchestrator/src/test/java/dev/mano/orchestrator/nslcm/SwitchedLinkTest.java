package dev.mano.orchestrator.nslcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mano.orchestrator.ApiHttp;
import dev.mano.orchestrator.LifecycleApi;
import dev.mano.orchestrator.chainswitch.LocalChainSwitch;
import dev.mano.orchestrator.chainswitch.SwitchRuntime;
import dev.mano.orchestrator.hosts.SimulatedHosts;
import dev.mano.orchestrator.vnflcm.LibvirtHosts;
import dev.mano.vim.VimException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chain link between two vhost-user NICs goes through the host's chain switch, a real runtime process
 * (l2fwd in patch mode over DPDK's vhost PMD) that the orchestrator starts, restarts and stops: on a simulated
 * host (libvirt's test driver) with the switch allowed there, through the SOL005 API. The domains get
 * vhost-user client NICs on the switch's sockets; the access points, single vhost-user ends, fall back to
 * bridges and say why; a switch that dies comes back, an NS heal leaves it alone, an orchestrator start restores
 * it; the members cannot scale out; terminate takes the segment off and the switch stops.
 * Frames through such a switch are dpdk-vnf-runtime's VhostPatch tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mano.chain-switch.simulated-hosts=true",
        "mano.chain-switch.classpath=" + SwitchRuntime.CLASSPATH,
        "mano.vnflcm.host-run-dir=target/switched-link-run"})
class SwitchedLinkTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    @LocalServerPort int port;
    @Autowired LibvirtHosts libvirt;
    @Autowired LocalChainSwitch chainSwitch;
    @Autowired ChainNetworks networks;
    ApiHttp http;
    LifecycleApi api;
    String hostUri;

    @BeforeEach
    void setUp() {
        SwitchRuntime.assumeAvailable();
        http = new ApiHttp(port);
        api = new LifecycleApi(http);
        String name = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        hostUri = SimulatedHosts.write("sw");
        HttpResponse<String> r = http.send("POST", "/vim/v1/hosts", LifecycleApi.ADMIN, "application/json",
                JSON.writeValueAsString(SimulatedHosts.registration(name, hostUri, "physnet-sw")));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }

    @Test
    void aVhostUserHopIsSwitchedAndTheSwitchStopsWithTheChain() throws VimException, IOException {
        // a management virtio CP (order 0 of three: no chain port), then two vhost-user data CPs
        String fw = api.onboardVnfd(ChainTestVnfd.yaml("physnet-sw", 1, 1, "virtio", "vhost-user", "vhost-user") + ChainTestVnfd.CAPACITY_ASPECT);
        String router = api.onboardVnfd(ChainTestVnfd.yaml("physnet-sw", 1, 1, "virtio", "vhost-user", "vhost-user"));
        String nsdId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        String descriptor = JSON.readTree(api.post("/nsd/v1/ns_descriptors", "{}").body()).get("id").asString();
        HttpResponse<String> uploaded = http.send("PUT", "/nsd/v1/ns_descriptors/" + descriptor + "/nsd_content", LifecycleApi.ADMIN,
                "application/yaml", NsLifecycleTest.nsd(nsdId, fw, router));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        HttpResponse<String> created = api.post("/nslcm/v1/ns_instances", "{\"nsdId\":\"" + nsdId + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String nsId = JSON.readTree(created.body()).get("id").asString();

        JsonNode op = awaitFinal(api.post("/nslcm/v1/ns_instances/" + nsId + "/instantiate", "{}"));
        assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("COMPLETED");
        JsonNode ns = api.get("/nslcm/v1/ns_instances/" + nsId);
        JsonNode link = ns.get("chainLinks").get(0);
        assertThat(link.get("pathKind").asString()).as(link.toString()).isEqualTo("VHOST_USER");
        Path up = Path.of(link.get("details").get("upstreamSocket").asString());
        Path down = Path.of(link.get("details").get("downstreamSocket").asString());
        assertThat(up).isAbsolute();
        assertThat(link.get("details").has("bridge")).isFalse();
        // the switch listens on both sockets, as QEMU will find them
        for (Path socket : List.of(up, down)) {
            assertThat(SwitchRuntime.listening(socket)).as("switch listens on " + socket).isTrue();
        }
        assertThat(switchProcesses()).as("one chain switch process").hasSize(1);
        // an access point has one end: a bridge an operator plugs into, the vhost-user request noted with the reason
        JsonNode ingress = ns.get("sapInfo").get(0).get("details");
        assertThat(ingress.get("path").asString()).isEqualTo("TAP_BRIDGE");
        assertThat(ingress.get("requested").asString()).isEqualTo("VHOST_USER");

        // the firewall's NIC towards the router is a vhost-user client of the upstream socket (reconnecting),
        // the router's NIC towards the firewall one of the downstream socket
        String fwXml = domainXml(ns.get("vnfInstance").get(0));
        String routerXml = domainXml(ns.get("vnfInstance").get(1));
        assertThat(fwXml).contains("<interface type='vhostuser'>").contains("path='" + up + "' mode='client'")
                .contains("<reconnect enabled='yes'");
        assertThat(routerXml).contains("path='" + down + "' mode='client'");
        assertThat(fwXml).contains("<memoryBacking>").contains("<access mode='shared'/>");

        // a switch that dies is started again, on the same sockets
        ProcessHandle first = switchProcesses().getFirst();
        first.destroyForcibly();
        awaitListening(List.of(up, down), first.pid());
        // an NS heal re-creates the links it finds missing: the switch already carries this one and keeps running
        long beforeHeal = switchProcesses().getFirst().pid();
        JsonNode heal = awaitFinal(api.post("/nslcm/v1/ns_instances/" + nsId + "/heal", "{}"));
        assertThat(heal.get("operationState").asString()).as(heal.toString()).isEqualTo("COMPLETED");
        assertThat(switchProcesses()).extracting(ProcessHandle::pid).containsExactly(beforeHeal);
        // the switch lives as long as the orchestrator; at start the recorded links come back on it
        chainSwitch.stopAll();
        assertThat(switchProcesses()).isEmpty();
        networks.restoreSwitchedLinks();
        awaitListening(List.of(up, down), beforeHeal);

        // a switched link joins exactly two NICs: no scale out, and nothing happened
        String fwVnf = ns.get("vnfInstance").get(0).get("vnfInstanceId").asString();
        HttpResponse<String> scale = api.post("/vnflcm/v1/vnf_instances/" + fwVnf + "/scale", "{\"type\":\"SCALE_OUT\",\"aspectId\":\"capacity\"}");
        assertThat(scale.statusCode()).as(scale.body()).isEqualTo(409);
        assertThat(scale.body()).contains("link-point-to-point");

        JsonNode term = awaitFinal(api.post("/nslcm/v1/ns_instances/" + nsId + "/terminate", "{}"));
        assertThat(term.get("operationState").asString()).as(term.toString()).isEqualTo("COMPLETED");
        assertThat(switchProcesses()).as("the switch stops with its last segment").isEmpty();
        assertThat(up).doesNotExist();
        assertThat(down).doesNotExist();
    }

    /** Waits until a switch other than {@code oldPid} runs and listens on the sockets. */
    private static void awaitListening(List<Path> sockets, long oldPid) throws IOException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            List<ProcessHandle> now = switchProcesses();
            if (now.size() == 1 && now.getFirst().pid() != oldPid && sockets.stream().allMatch(SwitchRuntime::listening)) return;
            assertThat(System.currentTimeMillis()).as("a new switch listening on " + sockets + "; running: " + now).isLessThan(deadline);
            LifecycleApi.sleep(200);
        }
    }

    /** The chain switch processes of this JVM (the runtime with its DPDK file prefix mano-switch-…). */
    private static List<ProcessHandle> switchProcesses() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("--file-prefix mano-switch-"))
                .filter(ProcessHandle::isAlive).toList();
    }

    private String domainXml(JsonNode member) throws VimException {
        String domain = member.get("vnfcs").get(0).get("domain").asString();
        return libvirt.lifecycle(hostUri).xml(domain).orElseThrow().replace('"', '\'');
    }

    private JsonNode awaitFinal(HttpResponse<String> accepted) {
        return api.awaitFinal(accepted, "/nslcm/v1/ns_lcm_op_occs");
    }
}
