package dev.mano.orchestrator.nslcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mano.orchestrator.ApiHttp;
import dev.mano.orchestrator.LifecycleApi;
import dev.mano.orchestrator.hosts.SimulatedHosts;
import dev.mano.orchestrator.network.NetworkProperties;
import dev.mano.orchestrator.vnflcm.LcmTestVnfd;
import dev.mano.orchestrator.vnflcm.LibvirtHosts;
import dev.mano.vim.VimException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chain wiring from the VNFDs' connection points, on simulated hosts (libvirt's test driver: 2 PFs x 4 VFs
 * serving this test's physical network) and the real database, through the SOL005 API: VF ports become
 * VLAN-tagged hostdev interfaces with VLANs from the ledger and no bridge, the ledger never gives one VLAN
 * to two NSs and gives everything back, an exhausted range fails the NS cleanly, a VF chain crosses hosts,
 * and what cannot be wired is refused. Same Spring configuration as NsLifecycleTest (one cached context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChainWiringTest {
    static final String ADMIN = ApiHttp.basic("admin", "test-admin-password");
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HOSTDEV = Pattern.compile("<interface type='hostdev' managed='yes'>(.*?)</interface>", Pattern.DOTALL);
    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired LibvirtHosts libvirt;
    @Autowired NetworkProperties network;
    ApiHttp http;
    LifecycleApi api;
    String physnet;
    final Map<String, String> uriOfHost = new HashMap<>();

    @BeforeEach
    void setUp() {
        http = new ApiHttp(port);
        api = new LifecycleApi(http);
        physnet = "wire-" + UUID.randomUUID().toString().substring(0, 6);
        registerHost("wa");
    }

    /** A VNF whose data ports are VFs: a management virtio CP (order 0 of three: not a chain port), two sriov-vf CPs. */
    private String vfVnf(int pmd, int numaNodes) {
        return api.onboardVnfd(ChainTestVnfd.yaml(physnet, pmd, numaNodes, "virtio", "sriov-vf", "sriov-vf"));
    }

    @Test
    void vfPortsAreVlanTaggedHostdevsWithoutBridgesAndTwoNssNeverShareAVlan() throws VimException {
        String nsdId = onboardNsd(vfVnf(1, 1), vfVnf(1, 1));
        // two NSs at once on the same physical network: 4 VFs each, the host's 8 between them
        String ns1 = createNs(nsdId);
        String ns2 = createNs(nsdId);
        HttpResponse<String> i1 = api.post("/nslcm/v1/ns_instances/" + ns1 + "/instantiate", "{}");
        HttpResponse<String> i2 = api.post("/nslcm/v1/ns_instances/" + ns2 + "/instantiate", "{}");
        for (JsonNode op : List.of(awaitFinal(i1), awaitFinal(i2))) {
            assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("COMPLETED");
        }

        JsonNode ns = api.get("/nslcm/v1/ns_instances/" + ns1);
        JsonNode link = ns.get("chainLinks").get(0);
        assertThat(link.get("pathKind").asString()).isEqualTo("SRIOV_VLAN");
        JsonNode d = link.get("details");
        assertThat(d.get("physicalNetwork").asString()).isEqualTo(physnet);
        assertThat(d.get("vlan").asInt()).isBetween(network.firstVlan(), network.lastVlan());
        assertThat(d.has("network")).isFalse();
        assertThat(d.has("bridge")).isFalse();
        // the link's ends: the firewall's second data CP (cp2) and the router's first (cp1), each with its host and VF
        assertThat(d.get("ends")).hasSize(2);
        assertThat(d.get("ends").get(0).get("connectionPoint").asString()).isEqualTo("cp2");
        assertThat(d.get("ends").get(1).get("connectionPoint").asString()).isEqualTo("cp1");
        for (JsonNode end : d.get("ends")) {
            assertThat(end.get("vf").asString()).matches("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");
            assertThat(end.get("host").asString()).isNotBlank();
        }
        JsonNode ingress = ns.get("sapInfo").get(0);
        JsonNode egress = ns.get("sapInfo").get(1);
        assertThat(ingress.get("pathKind").asString()).isEqualTo("SAP");
        assertThat(ingress.get("details").get("path").asString()).isEqualTo("SRIOV_VLAN");
        int vIn = ingress.get("details").get("vlan").asInt();
        int vLink = d.get("vlan").asInt();
        int vOut = egress.get("details").get("vlan").asInt();
        assertThat(Set.of(vIn, vLink, vOut)).hasSize(3);

        // the firewall's domain: hostdev VFs tagged with the ingress VLAN (port 0) then the link's (port 1), with a MAC;
        // the router's: the link's then the egress'. No tap on any network.
        String uri = uriOfHost.get(ns.get("vnfInstance").get(0).get("vnfcs").get(0).get("host").asString());
        String fwXml = domainXml(uri, ns.get("vnfInstance").get(0));
        String routerXml = domainXml(uri, ns.get("vnfInstance").get(1));
        assertThat(hostdevVlans(fwXml)).containsExactly(vIn, vLink);
        assertThat(hostdevVlans(routerXml)).containsExactly(vLink, vOut);
        assertThat(fwXml).doesNotContain("type='network'").contains("<mac address='52:54:00:");
        String vf = d.get("ends").get(0).get("vf").asString();
        assertThat(fwXml).contains("bus='0x" + vf.substring(5, 7) + "' slot='0x" + vf.substring(8, 10) + "' function='0x" + vf.substring(11) + "'");
        String ns8 = ns1.substring(0, 8);
        for (String suffix : List.of("in", "1", "out")) {
            assertThat(libvirt.networks(uri).active("mano-" + ns8 + "-" + suffix)).as("no bridge " + suffix).isFalse();
        }

        Set<Integer> first = new HashSet<>(vlansOf(ns1));
        Set<Integer> second = new HashSet<>(vlansOf(ns2));
        assertThat(first).hasSize(3).containsExactlyInAnyOrder(vIn, vLink, vOut);
        assertThat(second).hasSize(3).doesNotContainAnyElementsOf(first);

        for (String id : List.of(ns1, ns2)) {
            JsonNode term = awaitFinal(api.post("/nslcm/v1/ns_instances/" + id + "/terminate", "{}"));
            assertThat(term.get("operationState").asString()).as(term.toString()).isEqualTo("COMPLETED");
            assertThat(vlansOf(id)).as("VLANs of " + id + " after terminate").isEmpty();
        }
    }

    @Test
    void anExhaustedVlanRangeFailsTheNsNamingTheNetworkAndRollsBackToNothing() {
        String nsdId = onboardNsd(vfVnf(1, 1), vfVnf(1, 1));
        // another NS holds every VLAN of the range on this physical network
        String holder = createNs(nsdId);
        jdbc.update("INSERT INTO chain_vlan (physical_network, vlan, ns_instance_id, segment_position) "
                + "SELECT ?, v, ?::uuid, v FROM generate_series(?, ?) v", physnet, holder, network.firstVlan(), network.lastVlan());
        try {
            String nsId = createNs(nsdId);
            JsonNode op = awaitFinal(api.post("/nslcm/v1/ns_instances/" + nsId + "/instantiate", "{}"));
            assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("FAILED_TEMP");
            JsonNode error = op.get("error");
            assertThat(error.get("type").asString()).isEqualTo("urn:mano:problem:vlan-range-exhausted");
            assertThat(error.get("detail").asString()).contains(physnet).contains(network.firstVlan() + "-" + network.lastVlan());
            assertThat(error.get("physicalNetwork").asString()).isEqualTo(physnet);
            // nothing of the wiring was taken: no VLAN, no link
            assertThat(vlansOf(nsId)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM ns_link WHERE ns_instance_id = ?::uuid", Integer.class, nsId)).isZero();

            JsonNode rolled = awaitFinal(api.post("/nslcm/v1/ns_lcm_op_occs/" + op.get("id").asString() + "/rollback", null));
            assertThat(rolled.get("operationState").asString()).as(rolled.toString()).isEqualTo("ROLLED_BACK");
            assertThat(api.get("/nslcm/v1/ns_instances/" + nsId).get("nsState").asString()).isEqualTo("NOT_INSTANTIATED");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM vnf_instance WHERE ns_instance_id = ?::uuid", Integer.class, nsId)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM vf_allocation a JOIN host_vf v USING (host_id, pci_address) "
                    + "WHERE v.physical_network = ?", Integer.class, physnet)).as("VFs still allocated").isZero();
        } finally {
            jdbc.update("DELETE FROM chain_vlan WHERE ns_instance_id = ?::uuid", holder);
        }
    }

    @Test
    void aChainOfVfVnfsWorksAcrossHosts() throws VimException {
        registerHost("wb");
        // 6 PMD cores on one cell, then 12 over two cells: no host has room for both, so the link crosses hosts
        String nsdId = onboardNsd(vfVnf(6, 1), vfVnf(12, 2));
        String nsId = createNs(nsdId);
        JsonNode op = awaitFinal(api.post("/nslcm/v1/ns_instances/" + nsId + "/instantiate", "{}"));
        assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("COMPLETED");

        JsonNode ns = api.get("/nslcm/v1/ns_instances/" + nsId);
        JsonNode link = ns.get("chainLinks").get(0);
        assertThat(link.get("pathKind").asString()).isEqualTo("SRIOV_VLAN");
        assertThat(link.get("details").get("hosts")).hasSize(2);
        int vlan = link.get("details").get("vlan").asInt();
        String fwHost = ns.get("vnfInstance").get(0).get("vnfcs").get(0).get("host").asString();
        String routerHost = ns.get("vnfInstance").get(1).get("vnfcs").get(0).get("host").asString();
        assertThat(fwHost).isNotEqualTo(routerHost);
        assertThat(link.get("details").get("ends").get(0).get("host").asString()).isEqualTo(fwHost);
        assertThat(link.get("details").get("ends").get(1).get("host").asString()).isEqualTo(routerHost);
        // one VLAN on both sides: the provider network joins the two VFs
        assertThat(hostdevVlans(domainXml(uriOfHost.get(fwHost), ns.get("vnfInstance").get(0)))).endsWith(vlan);
        assertThat(hostdevVlans(domainXml(uriOfHost.get(routerHost), ns.get("vnfInstance").get(1)))).startsWith(vlan);

        JsonNode term = awaitFinal(api.post("/nslcm/v1/ns_instances/" + nsId + "/terminate", "{}"));
        assertThat(term.get("operationState").asString()).as(term.toString()).isEqualTo("COMPLETED");
        assertThat(vlansOf(nsId)).isEmpty();
    }

    @Test
    void bridgePortsThatDoNotFitOnOneHostAreRefusedNamingTheLink() {
        registerHost("wb");
        // the same two sizes as above, with virtio data ports: a bridge cannot cross hosts
        String fw = api.onboardVnfd(ChainTestVnfd.yaml(physnet, 6, 1, "virtio", "virtio"));
        String router = api.onboardVnfd(ChainTestVnfd.yaml(physnet, 12, 2, "virtio", "virtio"));
        String nsId = createNs(onboardNsd(fw, router));
        JsonNode op = awaitFinal(api.post("/nslcm/v1/ns_instances/" + nsId + "/instantiate", "{}"));
        assertThat(op.get("operationState").asString()).as(op.toString()).isEqualTo("FAILED_TEMP");
        assertThat(op.get("error").get("type").asString()).isEqualTo("urn:mano:problem:no-placement");
        assertThat(op.get("error").get("reasons").toString()).contains("link").contains("bridge ports").contains("one host");
        // refused before anything was wired, and what placement took is back
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ns_link WHERE ns_instance_id = ?::uuid", Integer.class, nsId)).isZero();
        JsonNode rolled = awaitFinal(api.post("/nslcm/v1/ns_lcm_op_occs/" + op.get("id").asString() + "/rollback", null));
        assertThat(rolled.get("operationState").asString()).as(rolled.toString()).isEqualTo("ROLLED_BACK");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vnf_instance WHERE ns_instance_id = ?::uuid", Integer.class, nsId)).isZero();
    }

    @Test
    void aHopBetweenAVfAndAVhostUserPortIsRefusedAtOnboardingNamingTheLinkAndBothCps() {
        // LcmTestVnfd: CP 'cp0' (sriov-vf, order 0) then 'cp1' (vhost-user, order 1): chained fw -> router, the link
        // joins the firewall's 'cp1' (vhost-user) and the router's 'cp0' (a VF)
        String fw = api.onboardVnfd(LcmTestVnfd.yaml(UUID.randomUUID().toString(), physnet, 1));
        String router = api.onboardVnfd(LcmTestVnfd.yaml(UUID.randomUUID().toString(), physnet, 1));
        String id = JSON.readTree(api.post("/nsd/v1/ns_descriptors", "{}").body()).get("id").asString();
        HttpResponse<String> r = http.send("PUT", "/nsd/v1/ns_descriptors/" + id + "/nsd_content", ADMIN, "application/yaml",
                NsLifecycleTest.nsd("mixed-" + UUID.randomUUID().toString().substring(0, 8), fw, router));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:mano:problem:nsd-link-unwirable");
        assertThat(problem.get("path").asString()).isEqualTo("topology_template.node_templates.fw_to_router");
        assertThat(problem.get("link").asString()).isEqualTo("fw_to_router");
        assertThat(problem.get("detail").asString()).contains("fw.cp1 (vhost-user)").contains("router.cp0 (sriov-vf on " + physnet + ")");
        assertThat(api.get("/nsd/v1/ns_descriptors/" + id).get("nsdOnboardingState").asString()).isEqualTo("CREATED");
    }

    private void registerHost(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String uri = SimulatedHosts.write(prefix);
        HttpResponse<String> r = http.send("POST", "/vim/v1/hosts", ADMIN, "application/json",
                JSON.writeValueAsString(SimulatedHosts.registration(name, uri, physnet)));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        uriOfHost.put(name, uri);
    }

    private String onboardNsd(String fwVnfd, String routerVnfd) {
        String nsdId = "wire-" + UUID.randomUUID().toString().substring(0, 8);
        String id = JSON.readTree(api.post("/nsd/v1/ns_descriptors", "{}").body()).get("id").asString();
        HttpResponse<String> r = http.send("PUT", "/nsd/v1/ns_descriptors/" + id + "/nsd_content", ADMIN, "application/yaml",
                NsLifecycleTest.nsd(nsdId, fwVnfd, routerVnfd));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return nsdId;
    }

    private String createNs(String nsdId) {
        HttpResponse<String> r = api.post("/nslcm/v1/ns_instances", "{\"nsdId\":\"" + nsdId + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asString();
    }

    private List<Integer> vlansOf(String nsId) {
        return jdbc.queryForList("SELECT vlan FROM chain_vlan WHERE ns_instance_id = ?::uuid AND physical_network = ?",
                Integer.class, nsId, physnet);
    }

    /** The VLAN tags of the domain's hostdev interfaces, in interface order (untagged ones left out). */
    private static List<Integer> hostdevVlans(String xml) {
        List<Integer> out = new ArrayList<>();
        Matcher m = HOSTDEV.matcher(xml);
        while (m.find()) {
            Matcher tag = Pattern.compile("<tag id='(\\d+)'/>").matcher(m.group(1));
            if (tag.find()) out.add(Integer.parseInt(tag.group(1)));
        }
        return out;
    }

    private String domainXml(String hostUri, JsonNode member) throws VimException {
        String domain = member.get("vnfcs").get(0).get("domain").asString();
        return libvirt.lifecycle(hostUri).xml(domain).orElseThrow().replace('"', '\'');
    }

    private JsonNode awaitFinal(HttpResponse<String> accepted) {
        return api.awaitFinal(accepted, "/nslcm/v1/ns_lcm_op_occs");
    }
}
